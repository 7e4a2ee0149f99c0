// The patterns a report speaks of, with what the report needs to judge them: status and marks, the
// per-run baseline, when they were approved (from their candidate) and the last day anyone used them
// (from the daily metrics, which outlive retention).
import type { DbHandle } from "../../db/client";
import { rawAll } from "../../db/raw";

export interface ReportPattern {
  id: string;
  name: string;
  kind: string;
  status: string;
  origin: string;
  createdAt: Date;
  baselineDurationMs: number | null;
  baselineSource: "evidence" | "admin" | null;
  degrading: boolean;
  quarantinedAt: Date | null;
  /** the approval of the candidate it was made from, if any */
  approvedAt: Date | null;
  /** the last day (YYYY-MM-DD) before `until` with a run, or null */
  lastUsedDay: string | null;
}

export async function getReportPatterns(db: DbHandle, until: Date): Promise<ReportPattern[]> {
  const [patterns, approvals, lastUse] = await Promise.all([
    db.prisma.pattern.findMany({
      select: { id: true, name: true, kind: true, status: true, origin: true, createdAt: true, baselineDurationMs: true, baselineSource: true, degrading: true, quarantinedAt: true },
    }),
    db.prisma.patternCandidate.findMany({
      where: { status: { in: ["approved", "auto_approved"] }, patternId: { not: null } },
      select: { patternId: true, decidedAt: true },
    }),
    rawAll<{ patternId: string; day: string }>(
      db,
      `SELECT "patternId", MAX("day") AS "day" FROM "pattern_metrics_daily" WHERE "patternId" <> '' AND "day" < ? AND "executions" > 0 GROUP BY "patternId"`,
      [until.toISOString().slice(0, 10)],
    ),
  ]);
  const approvedAt = new Map<string, Date>();
  for (const a of approvals) {
    const at = a.decidedAt;
    const prev = approvedAt.get(a.patternId!);
    if (at && (!prev || at < prev)) approvedAt.set(a.patternId!, at);
  }
  const lastDay = new Map(lastUse.map((r) => [r.patternId, r.day]));
  return patterns.map((p) => ({
    ...p,
    baselineSource: p.baselineSource === "evidence" || p.baselineSource === "admin" ? p.baselineSource : null,
    approvedAt: approvedAt.get(p.id) ?? null,
    lastUsedDay: lastDay.get(p.id) ?? null,
  }));
}
