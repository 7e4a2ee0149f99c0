// A week's executions per day and pattern (null = ad hoc) in one pass over the startedAt index: counts,
// successes, total duration, and the retries that applied a fix. Everything the report's totals, daily
// series, per-pattern ranking and fix summary need.
import type { DbHandle } from "../../db/client";
import { byDialect } from "../../db/by-dialect";
import { rawAll } from "../../db/raw";
import { num, sourceClause, sourceParams, type WeekFilter } from "./week-filter";

export interface WeekUsageRow {
  day: string;
  patternId: string | null;
  runs: number;
  successes: number;
  durationMs: number;
  fixRuns: number;
  fixSuccesses: number;
}

type Raw = { day: string; patternId: string | null; runs: unknown; successes: unknown; durationMs: unknown; fixRuns: unknown; fixSuccesses: unknown };

export async function getWeekUsage(db: DbHandle, filter: WeekFilter): Promise<WeekUsageRow[]> {
  const day = byDialect(db, {
    sqlite: `strftime('%Y-%m-%d', "startedAt" / 1000, 'unixepoch')`,
    postgresql: `to_char("startedAt", 'YYYY-MM-DD')`,
  });
  const rows = await rawAll<Raw>(
    db,
    `SELECT ${day} AS "day", "patternId", COUNT(*) AS "runs",
       SUM(CASE WHEN "success" THEN 1 ELSE 0 END) AS "successes",
       SUM("durationMs") AS "durationMs",
       SUM(CASE WHEN "retryOf" IS NOT NULL AND "fix" IS NOT NULL THEN 1 ELSE 0 END) AS "fixRuns",
       SUM(CASE WHEN "retryOf" IS NOT NULL AND "fix" IS NOT NULL AND "success" THEN 1 ELSE 0 END) AS "fixSuccesses"
     FROM "executions"
     WHERE "startedAt" >= ? AND "startedAt" < ?${sourceClause(filter, `"source"`)}
     GROUP BY 1, 2`,
    [filter.from, filter.to, ...sourceParams(filter)],
  );
  return rows.map((r) => ({
    day: r.day, patternId: r.patternId, runs: num(r.runs), successes: num(r.successes), durationMs: num(r.durationMs),
    fixRuns: num(r.fixRuns), fixSuccesses: num(r.fixSuccesses),
  }));
}
