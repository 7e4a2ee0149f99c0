// Decides the report page's daily chart: the seven days of the ISO week, Monday first; a day without
// runs is a gap (null), never a zero; the success rate per day in percent.
import { daysOfWeek } from "@/lib/reports/iso-week";
import type { DailyPoint } from "@/lib/reports/types";
import { shortDay } from "@/lib/queries/period";

export interface ReportDayPoint {
  day: string;
  label: string;
  executions: number | null;
  successRate: number | null;
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export function prepareReportDaily(week: string, daily: readonly DailyPoint[]): ReportDayPoint[] {
  const by = new Map(daily.map((d) => [d.day, d]));
  return daysOfWeek(week).map((day, i) => {
    const d = by.get(day);
    return {
      day, label: `${WEEKDAYS[i]} ${shortDay(day)}`,
      executions: d ? d.executions : null,
      successRate: d && d.executions > 0 ? Math.round((d.successes / d.executions) * 1000) / 10 : null,
    };
  });
}
