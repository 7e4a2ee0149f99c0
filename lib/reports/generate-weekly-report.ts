// The one entry point for a weekly report, shared by `patterns report`, the page's admin form and the
// weekly job: a stored report is returned as it was stored; only an explicit regenerate rebuilds it.
// A week that is not over yet, or whose executions retention already deleted, is built but not stored,
// so a stored report never changes because time passed or old rows were cleaned up.
import { randomUUID } from "node:crypto";
import type { DbHandle } from "../db/client";
import { auditRow } from "../audit/audit";
import { getWeeklyReport } from "../queries/reports/get-weekly-report";
import { getSettings } from "../schemas/settings";
import { generateReportSchema, reportInputError, type GenerateReportInput } from "../schemas/weekly-report";
import { buildWeeklyReport } from "./build-weekly-report";
import { fillMissingBaselines } from "./fill-baselines";
import { lastCompleteWeek, parseIsoWeek, shiftWeek } from "./iso-week";
import { renderReportMarkdown } from "./markdown";
import type { WeeklyReportData } from "./types";

const DAY = 86_400_000;

export class ReportError extends Error {
  override name = "ReportError";
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

export interface GeneratedReport {
  report: WeeklyReportData;
  markdown: string;
  /** true when this call wrote the report (first time, or regenerated); false when it was read back or not storable */
  stored: boolean;
  /** why it was not stored, when it was built but could not be (week not over, past retention) */
  notStoredBecause?: string;
}

export async function generateWeeklyReport(db: DbHandle, input: GenerateReportInput & { now?: Date } = {}): Promise<GeneratedReport> {
  const { now = new Date(), ...rest } = input;
  const parsed = generateReportSchema.safeParse(rest);
  if (!parsed.success) throw new ReportError(reportInputError(parsed.error), 2);
  const week = parsed.data.week ?? lastCompleteWeek(now);
  const source = parsed.data.source ?? null;
  const actor = parsed.data.actor ?? "system";
  const existing = await getWeeklyReport(db, week, source);
  if (existing && !parsed.data.regenerate) return { report: existing.data, markdown: existing.markdown, stored: false };

  const { from, to } = parseIsoWeek(week);
  const settings = await getSettings(db);
  const retentionCut = now.getTime() - settings.retentionDays * DAY;
  if (existing && from.getTime() < retentionCut) {
    throw new ReportError(`${week} starts before the retention limit (${settings.retentionDays} days): its executions were cleaned up, so the stored report is kept as it is`);
  }
  await fillMissingBaselines(db);
  const previous = await getWeeklyReport(db, shiftWeek(week, -1), source);
  const report = await buildWeeklyReport(db, { week, source, now, retentionDays: settings.retentionDays, previous: previous?.data ?? null });
  const markdown = renderReportMarkdown(report);
  const notStoredBecause =
    to.getTime() > now.getTime() ? `${week} is not over yet` : from.getTime() < retentionCut && !report.hasData ? `${week} lies beyond the retention limit` : undefined;
  if (notStoredBecause) return { report, markdown, stored: false, notStoredBecause };

  const row = { markdown, data: JSON.stringify(report), generatedAt: now, generatedBy: actor };
  const key = { week, source: source ?? "" };
  const audit = (action: "report.generate" | "report.regenerate") =>
    auditRow({ at: now, actor, action, target: { type: "weekly_report", id: `${week}${source ? `/${source}` : ""}` }, details: { executions: report.executions } });
  if (existing) {
    await db.prisma.$transaction([db.prisma.weeklyReport.update({ where: { week_source: key }, data: row }), db.prisma.auditEvent.create({ data: audit("report.regenerate") })]);
    return { report, markdown, stored: true };
  }
  try {
    await db.prisma.$transaction([db.prisma.weeklyReport.create({ data: { id: `wr_${randomUUID()}`, ...key, ...row } }), db.prisma.auditEvent.create({ data: audit("report.generate") })]);
  } catch (error) {
    // another instance stored this week first: theirs stands, and is what everyone reads
    if ((error as { code?: string }).code !== "P2002") throw error;
    const theirs = await getWeeklyReport(db, week, source);
    if (!theirs) throw error;
    return { report: theirs.data, markdown: theirs.markdown, stored: false };
  }
  return { report, markdown, stored: true };
}
