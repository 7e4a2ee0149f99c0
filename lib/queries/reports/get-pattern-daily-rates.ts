// Runs, successes and total duration per day of a few patterns, from the daily metrics (they outlive
// retention): the rates before and after a status change, a pattern's average run.
import type { DbHandle } from "../../db/client";
import { rawAll } from "../../db/raw";
import { num } from "./week-filter";

export interface PatternDay {
  patternId: string;
  day: string;
  runs: number;
  successes: number;
  durationMs: number;
}

const CHUNK = 500;

export async function getPatternDailyRates(db: DbHandle, patternIds: readonly string[], days: { from: string; to: string }): Promise<PatternDay[]> {
  const out: PatternDay[] = [];
  for (let i = 0; i < patternIds.length; i += CHUNK) {
    const ids = patternIds.slice(i, i + CHUNK);
    const rows = await rawAll<{ patternId: string; day: string; runs: unknown; successes: unknown; durationMs: unknown }>(
      db,
      `SELECT "patternId", "day", SUM("executions") AS "runs", SUM("successes") AS "successes", SUM("totalDurationMs") AS "durationMs" FROM "pattern_metrics_daily"
       WHERE "patternId" IN (${ids.map(() => "?").join(", ")}) AND "day" >= ? AND "day" < ? GROUP BY "patternId", "day"`,
      [...ids, days.from, days.to],
    );
    for (const r of rows) out.push({ patternId: r.patternId, day: r.day, runs: num(r.runs), successes: num(r.successes), durationMs: num(r.durationMs) });
  }
  return out;
}
