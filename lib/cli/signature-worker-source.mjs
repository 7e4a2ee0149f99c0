// Starts the signature worker from its TypeScript source (tsx, vitest); the CLI bundle uses dist/signature-worker.mjs.
import { register } from "tsx/esm/api";

register();
await import(new URL("./signature-worker.ts", import.meta.url).href);
