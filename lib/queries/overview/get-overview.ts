// The overview page's numbers: totals, the daily series and the busiest patterns, from the daily
// metrics table (kept current at ingest) rather than by scanning executions.
import type { DbHandle } from "../../db/client";

export interface DailyPoint {
  day: string;
  executions: number;
  successes: number;
  failures: number;
}

export interface PatternUsage {
  patternId: string;
  name: string;
  status: string;
  executions: number;
  successRate: number;
}

export interface Overview {
  empty: boolean;
  executionsTotal: number;
  windowDays: number;
  windowExecutions: number;
  windowSuccessRate: number | null;
  patternCounts: Record<string, number>;
  pendingCandidates: number;
  daily: DailyPoint[];
  topPatterns: PatternUsage[];
}

export async function getOverview(db: DbHandle, now = new Date(), windowDays = 30): Promise<Overview> {
  const since = new Date(now.getTime() - windowDays * 86_400_000).toISOString().slice(0, 10);
  const [executionsTotal, byStatus, pendingCandidates, days, perPattern] = await Promise.all([
    db.prisma.execution.count(),
    db.prisma.pattern.groupBy({ by: ["status"], _count: { _all: true } }),
    db.prisma.patternCandidate.count({ where: { status: "pending" } }),
    db.prisma.patternMetricDaily.groupBy({
      by: ["day"],
      where: { day: { gte: since } },
      _sum: { executions: true, successes: true, failures: true },
      orderBy: { day: "asc" },
    }),
    db.prisma.patternMetricDaily.groupBy({
      by: ["patternId"],
      where: { day: { gte: since }, patternId: { not: "" } },
      _sum: { executions: true, successes: true, totalDurationMs: true },
    }),
  ]);
  const patternCounts = Object.fromEntries(byStatus.map((s) => [s.status, s._count._all]));
  const daily = days.map((d) => ({
    day: d.day,
    executions: d._sum.executions ?? 0,
    successes: d._sum.successes ?? 0,
    failures: d._sum.failures ?? 0,
  }));
  const windowExecutions = daily.reduce((s, d) => s + d.executions, 0);
  const windowSuccesses = daily.reduce((s, d) => s + d.successes, 0);
  const top = perPattern.sort((a, b) => (b._sum.executions ?? 0) - (a._sum.executions ?? 0)).slice(0, 8);
  const names = await db.prisma.pattern.findMany({ where: { id: { in: top.map((t) => t.patternId) } }, select: { id: true, name: true, status: true } });
  const byId = new Map(names.map((n) => [n.id, n]));
  return {
    empty: executionsTotal === 0 && byStatus.length === 0,
    executionsTotal,
    windowDays,
    windowExecutions,
    windowSuccessRate: windowExecutions ? windowSuccesses / windowExecutions : null,
    patternCounts,
    pendingCandidates,
    daily,
    topPatterns: top.map((t) => ({
      patternId: t.patternId,
      name: byId.get(t.patternId)?.name ?? t.patternId,
      status: byId.get(t.patternId)?.status ?? "active",
      executions: t._sum.executions ?? 0,
      successRate: t._sum.executions ? (t._sum.successes ?? 0) / t._sum.executions : 0,
    })),
  };
}
