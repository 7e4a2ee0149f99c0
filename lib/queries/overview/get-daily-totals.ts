// Executions, successes and time saved per UTC day over a range of days, from the daily metrics (kept
// current at ingest, and kept after retention): the overview's cards, its daily chart and its weekly
// time saved. Time saved is AUTO-004's: runs × the pattern's baseline − their duration, for patterns
// that have a baseline (lib/reports/rank-patterns.ts), so the overview and the weekly report agree.
import type { DbHandle } from "../../db/client";
import { rawAll } from "../../db/raw";
import type { DayRange } from "../period";

export interface DayTotals {
  day: string;
  executions: number;
  successes: number;
  failures: number;
  timeSavedMs: number;
}

export interface RangeTotals {
  executions: number;
  successes: number;
  /** null when nothing ran */
  successRate: number | null;
  timeSavedMs: number;
}

type Raw = { day: string; executions: unknown; successes: unknown; failures: unknown; timeSavedMs: unknown };
const num = (v: unknown) => Number(v ?? 0);

export async function getDailyTotals(db: DbHandle, range: DayRange): Promise<DayTotals[]> {
  const rows = await rawAll<Raw>(
    db,
    `SELECT m."day" AS "day", SUM(m."executions") AS "executions", SUM(m."successes") AS "successes", SUM(m."failures") AS "failures",
       SUM(CASE WHEN p."baselineDurationMs" IS NULL THEN 0 ELSE m."executions" * p."baselineDurationMs" - m."totalDurationMs" END) AS "timeSavedMs"
     FROM "pattern_metrics_daily" m LEFT JOIN "patterns" p ON p."id" = m."patternId"
     WHERE m."day" >= ? AND m."day" <= ?
     GROUP BY m."day" ORDER BY m."day" LIMIT 400`,
    [range.from, range.to],
  );
  return rows.map((r) => ({ day: r.day, executions: num(r.executions), successes: num(r.successes), failures: num(r.failures), timeSavedMs: Math.round(num(r.timeSavedMs)) }));
}

export function sumTotals(days: readonly DayTotals[]): RangeTotals {
  const executions = days.reduce((s, d) => s + d.executions, 0);
  const successes = days.reduce((s, d) => s + d.successes, 0);
  return { executions, successes, successRate: executions ? successes / executions : null, timeSavedMs: days.reduce((s, d) => s + d.timeSavedMs, 0) };
}
