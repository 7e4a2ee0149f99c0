#!/usr/bin/env node
// The `patterns` command: runs the TypeScript CLI through tsx, rooted at this checkout so the database
// and migrations are found from any working directory.
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
process.env.PATTERNS_HOME ??= root;
register({ tsconfig: join(root, "tsconfig.json") });
await import(pathToFileURL(join(root, "lib", "cli", "main.ts")).href);
