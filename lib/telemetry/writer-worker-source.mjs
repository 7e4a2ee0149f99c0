// Starts the writer worker from its TypeScript source (tsx, vitest); the CLI bundle uses dist/writer-worker.mjs.
import { register } from "tsx/esm/api";

register();
await import(new URL("./writer-worker.ts", import.meta.url).href);
