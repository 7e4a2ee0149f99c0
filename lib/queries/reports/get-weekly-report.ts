// One stored weekly report (week and source), as stored: its data, Markdown, and who generated it when.
import type { DbHandle } from "../../db/client";
import type { WeeklyReportData } from "../../reports/types";

export interface StoredWeeklyReport {
  week: string;
  source: string | null;
  data: WeeklyReportData;
  markdown: string;
  generatedAt: Date;
  generatedBy: string;
}

export async function getWeeklyReport(db: DbHandle, week: string, source: string | null): Promise<StoredWeeklyReport | null> {
  const row = await db.prisma.weeklyReport.findUnique({ where: { week_source: { week, source: source ?? "" } } });
  if (!row) return null;
  return { week: row.week, source: row.source || null, data: JSON.parse(row.data) as WeeklyReportData, markdown: row.markdown, generatedAt: row.generatedAt, generatedBy: row.generatedBy };
}
