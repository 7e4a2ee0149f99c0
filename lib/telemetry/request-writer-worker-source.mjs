// Starts the API's writer thread from its TypeScript source (tsx, vitest); the app and the CLI bundle use dist/request-writer-worker.mjs.
import { register } from "tsx/esm/api";

register();
await import(new URL("./request-writer-worker.ts", import.meta.url).href);
