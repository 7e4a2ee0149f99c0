// Decides a week's sparkline on the reports list: executions on each of its seven days, a day without
// runs as a gap (null), so a quiet day is not drawn as a collapse to zero.
import { daysOfWeek } from "@/lib/reports/iso-week";
import type { DailyPoint } from "@/lib/reports/types";

export interface SparkPoint {
  day: string;
  executions: number | null;
}

export function prepareSparkline(week: string, daily: readonly DailyPoint[]): SparkPoint[] {
  const by = new Map(daily.map((d) => [d.day, d.executions]));
  return daysOfWeek(week).map((day) => ({ day, executions: by.get(day) ?? null }));
}
