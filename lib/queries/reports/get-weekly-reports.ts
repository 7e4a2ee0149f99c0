// The stored weekly reports of one source (null = every source), one page at a time for the reports list:
// the headline numbers and the daily series for its sparklines, with the total for the pager; and which
// sources have stored reports.
import type { DbHandle } from "../../db/client";
import type { DailyPoint, WeeklyReportData } from "../../reports/types";

export interface WeeklyReportSummary {
  /** the ISO week, e.g. 2026-W47 (unique per source) */
  id: string;
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

export type WeeklyReportSort = "week" | "generatedAt";

export interface WeeklyReportsQuery {
  source: string | null;
  sort: { id: WeeklyReportSort; desc: boolean };
  limit: number;
  offset: number;
}

export async function getWeeklyReports(db: DbHandle, q: WeeklyReportsQuery): Promise<{ rows: WeeklyReportSummary[]; total: number }> {
  const where = { source: q.source ?? "" };
  const direction = q.sort.desc ? ("desc" as const) : ("asc" as const);
  const [rows, total] = await Promise.all([
    db.prisma.weeklyReport.findMany({
      where,
      // the week breaks ties, so a page never shifts between requests
      orderBy: q.sort.id === "week" ? [{ week: direction }] : [{ generatedAt: direction }, { week: "desc" }],
      take: q.limit,
      skip: q.offset,
      select: { week: true, data: true, generatedAt: true, generatedBy: true },
    }),
    db.prisma.weeklyReport.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((r) => {
      const d = JSON.parse(r.data) as WeeklyReportData;
      return {
        id: r.week, week: r.week, hasData: d.hasData, executions: d.executions, successRate: d.successRate, timeSavedMs: d.timeSavedMs,
        missedUses: d.missedUses.length, opportunities: d.opportunities.length, daily: d.daily, generatedAt: r.generatedAt, generatedBy: r.generatedBy,
      };
    }),
  };
}

export async function getReportSources(db: DbHandle): Promise<string[]> {
  const rows = await db.prisma.weeklyReport.findMany({ where: { source: { not: "" } }, distinct: ["source"], select: { source: true }, orderBy: { source: "asc" } });
  return rows.map((r) => r.source);
}
