// The busiest patterns of a period, with their success rate and time saved over the same days.
import type { DbHandle } from "../../db/client";
import { rawAll } from "../../db/raw";
import type { DayRange } from "../period";

export interface TopPattern {
  patternId: string;
  name: string;
  status: string;
  runs: number;
  successRate: number;
  /** null when the pattern has no baseline to measure against */
  timeSavedMs: number | null;
}

type Raw = { patternId: string; name: string | null; status: string | null; runs: unknown; successes: unknown; duration: unknown; baseline: unknown };

export async function getTopPatterns(db: DbHandle, range: DayRange, limit = 8): Promise<TopPattern[]> {
  const rows = await rawAll<Raw>(
    db,
    `SELECT m."patternId" AS "patternId", MAX(p."name") AS "name", MAX(p."status") AS "status", SUM(m."executions") AS "runs",
       SUM(m."successes") AS "successes", SUM(m."totalDurationMs") AS "duration", MAX(p."baselineDurationMs") AS "baseline"
     FROM "pattern_metrics_daily" m LEFT JOIN "patterns" p ON p."id" = m."patternId"
     WHERE m."day" >= ? AND m."day" <= ? AND m."patternId" <> ''
     GROUP BY m."patternId" ORDER BY SUM(m."executions") DESC, m."patternId" LIMIT ?`,
    [range.from, range.to, Math.min(Math.max(1, limit), 50)],
  );
  return rows.map((r) => {
    const runs = Number(r.runs ?? 0);
    const baseline = r.baseline === null || r.baseline === undefined ? null : Number(r.baseline);
    return {
      patternId: r.patternId, name: r.name ?? r.patternId, status: r.status ?? "active", runs,
      successRate: runs ? Number(r.successes ?? 0) / runs : 0,
      timeSavedMs: baseline === null ? null : Math.round(runs * baseline - Number(r.duration ?? 0)),
    };
  });
}
