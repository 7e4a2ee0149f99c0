// Monday 00:30 UTC (setting reportSchedule): the weekly report for the ISO week that just ended. A
// scheduled run also writes the weeks whose due times passed while no scheduler ran (at most 12), so
// an outage leaves no silent gap in the reports; a week already stored is left as it is.
import { generateWeeklyReport } from "../../reports/generate-weekly-report";
import { lastCompleteWeek } from "../../reports/iso-week";
import type { JobDefinition } from "../types";

const DAY = 86_400_000;
const MAX_WEEKS = 12;

/** The weeks to write, oldest first: those ended since the previous scheduled run's week, up to now's. */
export function weeksToReport(now: Date, previousScheduledFor: Date | null): string[] {
  const weeks = new Set<string>();
  if (previousScheduledFor) {
    const covered = lastCompleteWeek(previousScheduledFor);
    for (let t = previousScheduledFor.getTime() + DAY; t < now.getTime(); t += DAY) {
      const week = lastCompleteWeek(new Date(t));
      if (week !== covered) weeks.add(week);
    }
  }
  weeks.add(lastCompleteWeek(now));
  return [...weeks].slice(-MAX_WEEKS);
}

export const reportJob: JobDefinition = {
  id: "report",
  title: "Weekly report",
  description: "Writes the weekly performance report (AUTO-004) for the ISO week that ended.",
  scheduleKey: "reportSchedule",
  run: async (ctx) => {
    const weeks = ctx.scheduledFor ? weeksToReport(ctx.now, ctx.previousScheduledFor) : [lastCompleteWeek(ctx.now)];
    const written: Array<{ week: string; executions: number; hasData: boolean }> = [];
    for (const [i, week] of weeks.entries()) {
      ctx.progress({ step: `report for ${week}`, done: i, total: weeks.length });
      const { report } = await generateWeeklyReport(ctx.db, { week, source: null, regenerate: false, actor: "system", now: ctx.now });
      written.push({ week, executions: report.executions, hasData: report.hasData });
    }
    const last = written.at(-1)!;
    const earlier = written.length > 1 ? ` (and ${written.length - 1} missed week${written.length > 2 ? "s" : ""} before it)` : "";
    return {
      message: `report for ${last.week}: ${last.hasData ? `${last.executions} executions` : "no executions that week"}${earlier}`,
      details: { weeks: written },
    };
  },
};
