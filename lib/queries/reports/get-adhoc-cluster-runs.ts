// One ad-hoc cluster's runs from a moment on (a pattern approved mid-week misses only the runs after its
// approval), per source: the few clusters whose pattern was approved during the week are read this way.
import type { DbHandle } from "../../db/client";
import { rawAll } from "../../db/raw";
import { num, sourceClause, sourceParams, type WeekFilter } from "./week-filter";

export interface ClusterRuns {
  source: string | null;
  runs: number;
  durationMs: number;
}

export async function getAdHocClusterRuns(
  db: DbHandle,
  cluster: { familyKey: string; keySets: readonly string[] },
  since: Date,
  filter: WeekFilter,
): Promise<ClusterRuns[]> {
  if (cluster.keySets.length === 0) return [];
  const rows = await rawAll<{ source: string | null; runs: unknown; durationMs: unknown }>(
    db,
    `SELECT e."source", COUNT(*) AS "runs", SUM(e."durationMs") AS "durationMs"
     FROM "adhoc_shapes" a JOIN "executions" e ON e."seq" = a."seq"
     WHERE a."family" = ? AND a."keySet" IN (${cluster.keySets.map(() => "?").join(", ")}) AND a."startedAt" >= ? AND a."startedAt" < ?${sourceClause(filter, `e."source"`)}
     GROUP BY e."source"`,
    [cluster.familyKey, ...cluster.keySets, since, filter.to, ...sourceParams(filter)],
  );
  return rows.map((r) => ({ source: r.source, runs: num(r.runs), durationMs: num(r.durationMs) }));
}
