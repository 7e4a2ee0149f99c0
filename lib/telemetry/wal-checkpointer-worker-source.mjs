// Starts the WAL checkpointer thread from its TypeScript source (tsx, vitest); the app and the CLI bundle use dist/wal-checkpointer-worker.mjs.
import { register } from "tsx/esm/api";

register();
await import(new URL("./wal-checkpointer-worker.ts", import.meta.url).href);
