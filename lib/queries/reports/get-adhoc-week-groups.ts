// The week's ad-hoc runs by AUTO-001 family, input key set and source, from adhoc_shapes (written by the
// analysis run) joined to their executions for durations: what missed uses and opportunities are made of.
import type { DbHandle } from "../../db/client";
import { rawAll } from "../../db/raw";
import { num, sourceClause, sourceParams, type WeekFilter } from "./week-filter";

export interface AdHocWeekGroup {
  /** adhoc_shapes.family: the signature key of the family */
  familyKey: string;
  keySet: string;
  source: string | null;
  runs: number;
  durationMs: number;
  /** one execution of the family (its seq), to read the family's operation and file shapes back */
  sampleSeq: number;
}

type Raw = { family: string; keySet: string; source: string | null; runs: unknown; durationMs: unknown; sample: unknown };

export async function getAdHocWeekGroups(db: DbHandle, filter: WeekFilter): Promise<AdHocWeekGroup[]> {
  const rows = await rawAll<Raw>(
    db,
    `SELECT a."family", a."keySet", e."source", COUNT(*) AS "runs", SUM(e."durationMs") AS "durationMs", MIN(a."seq") AS "sample"
     FROM "adhoc_shapes" a JOIN "executions" e ON e."seq" = a."seq"
     WHERE a."startedAt" >= ? AND a."startedAt" < ?${sourceClause(filter, `e."source"`)}
     GROUP BY a."family", a."keySet", e."source"`,
    [filter.from, filter.to, ...sourceParams(filter)],
  );
  return rows.map((r) => ({ familyKey: r.family, keySet: r.keySet, source: r.source, runs: num(r.runs), durationMs: num(r.durationMs), sampleSeq: num(r.sample) }));
}
