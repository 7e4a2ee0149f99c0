// The use and success rate of a few patterns (from the daily metrics, which outlive retention), for the
// suggestion `patterns exec` prints before a run ("this looks like pattern X, 14 runs, 96 %") and the
// pattern rows of POST /api/v1/suggest and `patterns suggest`.
import type { DbHandle } from "../../db/client";

export interface PatternRecord {
  uses: number;
  /** null before the first run */
  successRate: number | null;
}

export async function getPatternRecords(db: DbHandle, ids: readonly string[]): Promise<Map<string, PatternRecord>> {
  const wanted = [...new Set(ids)].filter((id) => id !== "");
  if (!wanted.length) return new Map();
  const sums = await db.prisma.patternMetricDaily.groupBy({ by: ["patternId"], where: { patternId: { in: wanted } }, _sum: { executions: true, successes: true } });
  const byId = new Map(sums.map((s) => [s.patternId, s._sum]));
  return new Map(
    wanted.map((id) => {
      const uses = byId.get(id)?.executions ?? 0;
      return [id, { uses, successRate: uses ? (byId.get(id)?.successes ?? 0) / uses : null }];
    }),
  );
}

/** Suggestion rows with the record of each suggested pattern added (fix rows unchanged). */
export async function withPatternRecords<T extends { patternId?: string }>(db: DbHandle, rows: T[]): Promise<Array<T & Partial<PatternRecord>>> {
  const records = await getPatternRecords(db, rows.flatMap((r) => (r.patternId ? [r.patternId] : [])));
  return rows.map((r) => (r.patternId && records.has(r.patternId) ? { ...r, ...records.get(r.patternId)! } : r));
}
