// The stored weekly reports of one source (null = every source), newest week first, with the headline
// numbers and the daily series for the list's sparklines; and which sources have stored reports.
import type { DbHandle } from "../../db/client";
import type { DailyPoint, WeeklyReportData } from "../../reports/types";

export interface WeeklyReportSummary {
  week: string;
  hasData: boolean;
  executions: number;
  successRate: number | null;
  timeSavedMs: number;
  missedUses: number;
  opportunities: number;
  daily: DailyPoint[];
  generatedAt: Date;
  generatedBy: string;
}

export async function getWeeklyReports(db: DbHandle, source: string | null, limit = 104): Promise<WeeklyReportSummary[]> {
  const rows = await db.prisma.weeklyReport.findMany({
    where: { source: source ?? "" },
    orderBy: { week: "desc" },
    take: limit,
    select: { week: true, data: true, generatedAt: true, generatedBy: true },
  });
  return rows.map((r) => {
    const d = JSON.parse(r.data) as WeeklyReportData;
    return {
      week: r.week, hasData: d.hasData, executions: d.executions, successRate: d.successRate, timeSavedMs: d.timeSavedMs,
      missedUses: d.missedUses.length, opportunities: d.opportunities.length, daily: d.daily, generatedAt: r.generatedAt, generatedBy: r.generatedBy,
    };
  });
}

export async function getReportSources(db: DbHandle): Promise<string[]> {
  const rows = await db.prisma.weeklyReport.findMany({ where: { source: { not: "" } }, distinct: ["source"], select: { source: true }, orderBy: { source: "asc" } });
  return rows.map((r) => r.source);
}
