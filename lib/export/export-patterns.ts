// `patterns export --dir DIR`: writes the files of DESIGN.md's layout under DIR, touching only files whose
// content changed (so git, and mtimes, see only real changes), and removes files in the folders export
// owns that the database no longer has (a draft decided, a report regenerated under another name).
// Other files in DIR (a README, anything outside those folders or with another extension) are left alone.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { DbHandle } from "../db/client";
import { getExportSnapshot } from "../queries/export/get-export-snapshot";
import { buildExport } from "./build-export";
import { MANAGED } from "./layout";

export interface ExportSummary {
  dir: string;
  files: number;
  /** paths (relative to dir) written because they were new or changed */
  written: string[];
  /** paths removed because the database no longer has what they held */
  removed: string[];
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

export function writeExport(dir: string, files: Map<string, string>): Omit<ExportSummary, "dir"> {
  const written: string[] = [];
  const removed: string[] = [];
  for (const [rel, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const path = join(dir, rel);
    if (readOrNull(path) === content) continue;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    written.push(rel);
  }
  for (const [folder, ext] of MANAGED) {
    let names: string[];
    try {
      names = readdirSync(join(dir, folder), { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      const rel = `${folder}/${name}`;
      if (!name.endsWith(ext) || files.has(rel)) continue;
      rmSync(join(dir, rel));
      removed.push(rel);
    }
  }
  return { files: files.size, written, removed };
}

export async function exportPatterns(db: DbHandle, dir: string): Promise<ExportSummary> {
  const files = buildExport(await getExportSnapshot(db));
  return { dir, ...writeExport(dir, files) };
}
