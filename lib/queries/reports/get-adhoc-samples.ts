// One run per ad-hoc family: its operation and the paths of its files, from which the family's text (and
// so the candidate group keys of its clusters) is derived again; adhoc_shapes keeps only its hash.
import type { DbHandle } from "../../db/client";
import { rawAll } from "../../db/raw";
import { num } from "./week-filter";

export interface AdHocSample {
  seq: number;
  operation: string;
  filePaths: string[];
}

const CHUNK = 500;

export async function getAdHocSamples(db: DbHandle, seqs: readonly number[]): Promise<Map<number, AdHocSample>> {
  const out = new Map<number, AdHocSample>();
  const byId = new Map<string, AdHocSample>();
  for (let i = 0; i < seqs.length; i += CHUNK) {
    const chunk = seqs.slice(i, i + CHUNK);
    const rows = await rawAll<{ seq: unknown; id: string; operation: string; fileCount: unknown }>(
      db,
      `SELECT "seq", "id", "operation", "fileCount" FROM "executions" WHERE "seq" IN (${chunk.map(() => "?").join(", ")})`,
      chunk,
    );
    const withFiles: string[] = [];
    for (const r of rows) {
      const sample = { seq: num(r.seq), operation: r.operation, filePaths: [] };
      out.set(sample.seq, sample);
      if (num(r.fileCount) > 0) {
        byId.set(r.id, sample);
        withFiles.push(r.id);
      }
    }
    if (withFiles.length === 0) continue;
    const files = await rawAll<{ executionId: string; path: string }>(
      db,
      `SELECT "executionId", "path" FROM "file_events" WHERE "executionId" IN (${withFiles.map(() => "?").join(", ")})`,
      withFiles,
    );
    for (const f of files) byId.get(f.executionId)!.filePaths.push(f.path);
  }
  return out;
}
