#!/usr/bin/env node
// The `patterns` command. Runs the prebuilt bundle (dist/cli.mjs, made by `npm ci`/`npm run build:cli`)
// when it is newer than the sources, else the TypeScript sources through tsx, so an edit is never
// shadowed by a stale bundle. Rooted at this checkout (passed to main), so data/ and prisma/ are found
// from any folder.
import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { newestMtime } from "../scripts/newest-mtime.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The bundle's inputs: TypeScript sources, tests aside. */
const isSource = (name) => name.endsWith(".ts") && !name.endsWith(".test.ts");

const bundle = join(root, "dist", "cli.mjs");
let entry;
if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestMtime(join(root, "lib"), { include: isSource })) {
  entry = bundle;
} else {
  const { register } = await import("tsx/esm/api");
  register({ tsconfig: join(root, "tsconfig.json") });
  entry = join(root, "lib", "cli", "main.ts");
}
const cli = await import(pathToFileURL(entry).href);
await cli.main({ root });
