#!/usr/bin/env node
// The production web server (lib/server/web-server.ts): Next.js for the dashboard and API, with telemetry
// ingestion served directly. `npm start` runs it (scripts/start.mjs) after migrating and building; tests
// and benchmarks start it the same way. Takes `-p PORT` and `-H HOST` as `next start` does.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadEntry } from "./entry.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const server = await loadEntry(root, "web-server", join("lib", "server", "web-server.ts"));
await server.main({ root });
