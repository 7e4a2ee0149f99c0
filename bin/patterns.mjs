#!/usr/bin/env node
// The `patterns` command. Runs the prebuilt bundle (dist/cli.mjs, made by `npm ci`/`npm run build:cli`)
// when it is newer than the sources, else the TypeScript sources through tsx, so an edit is never
// shadowed by a stale bundle. Rooted at this checkout, so data/ and prisma/ are found from any folder.
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
process.env.PATTERNS_HOME ??= root;

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const bundle = join(root, "dist", "cli.mjs");
let entry;
if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource(join(root, "lib"))) {
  entry = bundle;
} else {
  const { register } = await import("tsx/esm/api");
  register({ tsconfig: join(root, "tsconfig.json") });
  entry = join(root, "lib", "cli", "main.ts");
}
const cli = await import(pathToFileURL(entry).href);
await cli.main();
