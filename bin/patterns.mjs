#!/usr/bin/env node
// The `patterns` command. Runs the prebuilt bundle (dist/cli.mjs, made by `npm ci`/`npm run build:cli`)
// when it is newer than the sources, else the TypeScript sources through tsx, so an edit is never
// shadowed by a stale bundle. Rooted at this checkout (passed to main), so data/ and prisma/ are found
// from any folder.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadEntry } from "../scripts/entry.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

// Commands that need no database or settings start from their own small entry (lib/cli/light.ts, same
// list there): loading the whole CLI costs more than `patterns signature` spends on a large file.
const LIGHT_COMMANDS = new Set(["signature"]);
const name = LIGHT_COMMANDS.has(process.argv[2]) ? "light" : "cli";
const cli = await loadEntry(root, name, join("lib", "cli", name === "light" ? "light.ts" : "main.ts"));
await cli.main({ root });
