// A pattern's runs, successes and total duration per ISO week (UTC) since a day, from the daily metrics
// (kept after retention), for its page's weekly charts.
import type { DbHandle } from "../../db/client";
import { rawAll } from "../../db/raw";
import { isoWeekOf } from "../../reports/iso-week";

export interface PatternWeek {
  week: string;
  runs: number;
  successes: number;
  durationMs: number;
}

export async function getPatternWeekly(db: DbHandle, patternId: string, sinceDay: string): Promise<PatternWeek[]> {
  const days = await rawAll<{ day: string; runs: unknown; successes: unknown; duration: unknown }>(
    db,
    `SELECT "day", SUM("executions") AS "runs", SUM("successes") AS "successes", SUM("totalDurationMs") AS "duration"
     FROM "pattern_metrics_daily" WHERE "patternId" = ? AND "day" >= ? GROUP BY "day" ORDER BY "day" LIMIT 800`,
    [patternId, sinceDay],
  );
  const weeks = new Map<string, PatternWeek>();
  for (const d of days) {
    const week = isoWeekOf(new Date(`${d.day}T00:00:00Z`));
    const w = weeks.get(week) ?? { week, runs: 0, successes: 0, durationMs: 0 };
    w.runs += Number(d.runs ?? 0);
    w.successes += Number(d.successes ?? 0);
    w.durationMs += Number(d.duration ?? 0);
    weeks.set(week, w);
  }
  return [...weeks.values()];
}
