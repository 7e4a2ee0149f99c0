// What happened to candidates in a week: proposed (created), and decided by people or by the system.
import type { DbHandle } from "../../db/client";
import type { CandidateCounts } from "../../reports/types";

export async function getCandidateActivity(db: DbHandle, window: { from: Date; to: Date }): Promise<CandidateCounts> {
  const at = { gte: window.from, lt: window.to };
  const [proposed, decisions] = await Promise.all([
    db.prisma.patternCandidate.count({ where: { createdAt: at } }),
    db.prisma.auditEvent.groupBy({
      by: ["action"],
      where: { at, action: { in: ["candidate.approve", "candidate.reject", "candidate.auto_approve"] } },
      _count: { _all: true },
    }),
  ]);
  const n = (action: string) => decisions.find((d) => d.action === action)?._count._all ?? 0;
  return { proposed, approved: n("candidate.approve"), rejected: n("candidate.reject"), autoApproved: n("candidate.auto_approve") };
}
