// Where a program of ours starts from: its prebuilt bundle in dist/ (made by `npm ci`/`npm run build:cli`)
// when that is newer than every TypeScript source under lib/, else the sources through tsx, so an edit is
// never shadowed by a stale bundle. Shared by bin/patterns.mjs and scripts/serve.mjs.
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { newestMtime } from "./newest-mtime.mjs";

/** The bundle's inputs: TypeScript sources, tests aside. */
const isSource = (name) => name.endsWith(".ts") && !name.endsWith(".test.ts");

/** Imports dist/<name>.mjs, or `source` (a path under root) when the bundle is missing or older. */
export async function loadEntry(root, name, source) {
  const bundle = join(root, "dist", `${name}.mjs`);
  let entry;
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestMtime(join(root, "lib"), { include: isSource })) {
    entry = bundle;
  } else {
    const { register } = await import("tsx/esm/api");
    register({ tsconfig: join(root, "tsconfig.json") });
    entry = join(root, source);
  }
  return import(pathToFileURL(entry).href);
}
