// Decides the overview's time-saved chart: the period's days summed per ISO week (Monday–Sunday, UTC),
// in hours. A week the period only partly covers is marked partial (its label says so); a week with no
// data at all is a gap (null), not a zero.
import { isoWeekOf } from "@/lib/reports/iso-week";
import { shiftDay, shortDay, type DayRange } from "@/lib/queries/period";

export interface WeekBar {
  week: string;
  /** the first day of the week the period covers, e.g. "Nov 24", with "(part)" when partial */
  label: string;
  hours: number | null;
  partial: boolean;
}

export function prepareWeeklyTimeSaved(days: ReadonlyArray<{ day: string; executions: number; timeSavedMs: number }>, range: DayRange): WeekBar[] {
  const byDay = new Map(days.map((d) => [d.day, d]));
  const weeks = new Map<string, { first: string; covered: number; ms: number; ran: boolean }>();
  for (let day = range.from; day <= range.to; day = shiftDay(day, 1)) {
    const week = isoWeekOf(new Date(`${day}T00:00:00Z`));
    const w = weeks.get(week) ?? { first: day, covered: 0, ms: 0, ran: false };
    w.covered++;
    const d = byDay.get(day);
    if (d && d.executions > 0) {
      w.ran = true;
      w.ms += d.timeSavedMs;
    }
    weeks.set(week, w);
  }
  return [...weeks].map(([week, w]) => ({
    week,
    label: `${shortDay(w.first)}${w.covered < 7 ? " (part)" : ""}`,
    hours: w.ran ? Math.round((w.ms / 3_600_000) * 10) / 10 : null,
    partial: w.covered < 7,
  }));
}
