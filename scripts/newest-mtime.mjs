// The newest modification time under a folder, for "are the sources newer than the build?" checks:
// `npm start` (scripts/start.mjs, against .next/BUILD_ID) and the `patterns` command (bin/patterns.mjs,
// against dist/cli.mjs). Plain ESM with only node: imports, since bin/patterns.mjs runs before any build.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * The largest mtimeMs of the files under `dir` (0 when there are none). `skip(name)` leaves out an entry,
 * file or folder, before anything else; `include(name)` picks which files count (folders are always walked).
 */
export function newestMtime(dir, { skip = () => false, include = () => true } = {}) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path, { skip, include }));
    else if (include(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}
