// Decides the buckets of the daily executions chart: one point per UTC day in the window, where a day
// with no data is a gap (null), never a zero.
import type { DailyPoint } from "@/lib/queries/overview/get-overview";

export interface DailyChartPoint {
  day: string;
  label: string;
  successes: number | null;
  failures: number | null;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function dayLabel(day: string): string {
  const [, m, d] = day.split("-");
  return `${MONTHS[Number(m) - 1]} ${Number(d)}`;
}

export function prepareDailyExecutions(points: DailyPoint[], endDay: string, days: number): DailyChartPoint[] {
  const byDay = new Map(points.map((p) => [p.day, p]));
  const end = Date.parse(`${endDay}T00:00:00Z`);
  const out: DailyChartPoint[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const day = new Date(end - i * 86_400_000).toISOString().slice(0, 10);
    const p = byDay.get(day);
    out.push({ day, label: dayLabel(day), successes: p ? p.successes : null, failures: p ? p.failures : null });
  }
  return out;
}
