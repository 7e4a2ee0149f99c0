// Decides a pattern page's weekly charts: success rate and mean duration per ISO week over the last N
// weeks, where a week with no run is a gap (null), and the week the pattern started degrading (AUTO-007),
// so the chart can mark where it began.
import { isoWeekOf, shiftWeek } from "@/lib/reports/iso-week";
import { shortDay } from "@/lib/queries/period";
import { daysOfWeek } from "@/lib/reports/iso-week";

export interface PatternWeekPoint {
  week: string;
  /** the week's Monday, e.g. "Nov 24" */
  label: string;
  runs: number;
  /** 0–100, one decimal */
  successRate: number | null;
  /** mean duration of the week's runs, in seconds */
  meanSeconds: number | null;
}

export interface PatternWeekly {
  points: PatternWeekPoint[];
  /** the label of the week degrading began, when it falls in the chart */
  degradingLabel: string | null;
}

export function preparePatternWeekly(
  weeks: ReadonlyArray<{ week: string; runs: number; successes: number; durationMs: number }>,
  opts: { currentWeek: string; count: number; degradingSince: Date | null },
): PatternWeekly {
  const byWeek = new Map(weeks.map((w) => [w.week, w]));
  const points: PatternWeekPoint[] = [];
  for (let i = opts.count - 1; i >= 0; i--) {
    const week = shiftWeek(opts.currentWeek, -i);
    const w = byWeek.get(week);
    const ran = w && w.runs > 0 ? w : null;
    points.push({
      week, label: shortDay(daysOfWeek(week)[0]!), runs: ran?.runs ?? 0,
      successRate: ran ? Math.round((ran.successes / ran.runs) * 1000) / 10 : null,
      meanSeconds: ran ? Math.round(ran.durationMs / ran.runs / 100) / 10 : null,
    });
  }
  const since = opts.degradingSince ? isoWeekOf(opts.degradingSince) : null;
  return { points, degradingLabel: points.find((p) => p.week === since)?.label ?? null };
}
