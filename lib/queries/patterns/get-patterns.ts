// Patterns with their use and health, for `patterns list` and the patterns page.
import type { DbHandle } from "../../db/client";
import { degradationFigures } from "./degradation-figures";

export interface PatternListItem {
  id: string;
  name: string;
  kind: string;
  status: string;
  origin: string;
  uses: number;
  successRate: number | null;
  degrading: boolean;
  /** YYYY-MM-DD (UTC): the day the failure rate changed, while degrading (AUTO-007); else null */
  degradingSince: string | null;
  /** while degrading: the success rate of the runs before that day, and of the runs since; else null */
  successRateBefore: number | null;
  successRateAfter: number | null;
  autoApply: boolean;
  quarantineReason: string | null;
  /** ISO time cleanup archived it (unused for the retention period), or null */
  archivedAt: string | null;
}

export async function getPatterns(db: DbHandle, opts: { status?: string } = {}): Promise<PatternListItem[]> {
  const [patterns, usage] = await Promise.all([
    db.prisma.pattern.findMany({ where: opts.status ? { status: opts.status } : {}, orderBy: { id: "asc" } }),
    db.prisma.patternMetricDaily.groupBy({ by: ["patternId"], where: { patternId: { not: "" } }, _sum: { executions: true, successes: true } }),
  ]);
  const byId = new Map(usage.map((u) => [u.patternId, u._sum]));
  return patterns.map((p) => {
    const u = byId.get(p.id);
    const uses = u?.executions ?? 0;
    const figures = degradationFigures(p);
    return {
      id: p.id, name: p.name, kind: p.kind, status: p.status, origin: p.origin, uses,
      successRate: uses ? (u?.successes ?? 0) / uses : null,
      degrading: p.degrading, degradingSince: figures?.since ?? null,
      successRateBefore: figures?.successRateBefore ?? null, successRateAfter: figures?.successRateAfter ?? null,
      autoApply: p.autoApply, quarantineReason: p.quarantineReason,
      archivedAt: p.archivedAt ? p.archivedAt.toISOString() : null,
    };
  });
}
