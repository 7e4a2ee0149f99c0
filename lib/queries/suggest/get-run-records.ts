// What the runs of patterns without a spec say about them (see detectors/describe-by-runs): every
// operation each one ran, from the daily metrics (kept after retention), and the inputs of its latest
// runs, read backwards through the (patternId, startedAt) index, a few rows per pattern.
import type { DbHandle } from "../../db/client";
import { rawAll } from "../../db/raw";
import type { RunRecord } from "../../detectors/describe-by-runs";
import { parseStoredJson } from "../stored-json";

/** Runs sampled per pattern for its inputs. */
export const RUN_SAMPLES = 20;
const IN_CHUNK = 500;

export async function getRunRecords(db: DbHandle, patternIds: readonly string[]): Promise<Map<string, RunRecord>> {
  const out = new Map<string, { operations: RunRecord["operations"][number][]; samples: RunRecord["samples"][number][] }>();
  for (const id of patternIds) out.set(id, { operations: [], samples: [] });
  for (let i = 0; i < patternIds.length; i += IN_CHUNK) {
    const ids = patternIds.slice(i, i + IN_CHUNK);
    const rows = await rawAll<{ patternId: string; operation: string; runs: unknown; successes: unknown }>(
      db,
      `SELECT "patternId", "operation", SUM("executions") AS "runs", SUM("successes") AS "successes"
       FROM "pattern_metrics_daily" WHERE "patternId" IN (${ids.map(() => "?").join(", ")}) GROUP BY "patternId", "operation"`,
      ids,
    );
    for (const r of rows) out.get(r.patternId)?.operations.push({ operation: r.operation, runs: Number(r.runs ?? 0), successes: Number(r.successes ?? 0) });
  }
  for (const id of patternIds) {
    const record = out.get(id)!;
    if (!record.operations.length) continue;
    const runs = await rawAll<{ id: string; inputs: string | null; durationMs: unknown }>(
      db,
      `SELECT "id", "inputs", "durationMs" FROM "executions" WHERE "patternId" = ? ORDER BY "startedAt" DESC, "seq" DESC LIMIT ${RUN_SAMPLES}`,
      [id],
    );
    for (const r of runs) {
      const inputs = r.inputs ? parseStoredJson<unknown>(r.inputs, null) : null;
      record.samples.push({ id: r.id, inputs: inputs && typeof inputs === "object" && !Array.isArray(inputs) ? (inputs as Record<string, unknown>) : null, durationMs: Number(r.durationMs) });
    }
  }
  return out;
}
