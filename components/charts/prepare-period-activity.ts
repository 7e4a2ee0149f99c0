// Decides the overview's activity chart: one point per UTC day of the period with successes and failures
// (stacked bars) and the day's success rate (a line, in percent). A day with no data is a gap (nulls),
// never a zero, so the line breaks there instead of diving to 0 %.
import type { DayRange } from "@/lib/queries/period";
import { shiftDay, shortDay } from "@/lib/queries/period";

export interface ActivityPoint {
  day: string;
  label: string;
  successes: number | null;
  failures: number | null;
  /** 0–100, one decimal; null on a day nothing ran */
  successRate: number | null;
}

export function preparePeriodActivity(days: ReadonlyArray<{ day: string; executions: number; successes: number; failures: number }>, range: DayRange): ActivityPoint[] {
  const byDay = new Map(days.map((d) => [d.day, d]));
  const out: ActivityPoint[] = [];
  for (let day = range.from; day <= range.to; day = shiftDay(day, 1)) {
    const d = byDay.get(day);
    const ran = d && d.executions > 0 ? d : null;
    out.push({
      day, label: shortDay(day),
      successes: ran ? ran.successes : null,
      failures: ran ? ran.failures : null,
      successRate: ran ? Math.round((ran.successes / ran.executions) * 1000) / 10 : null,
    });
  }
  return out;
}
