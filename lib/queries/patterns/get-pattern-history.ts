// Everything the audit log holds about a pattern, newest first: its own events (registered, archived,
// restored, baseline, degrading) and its registry entry's (detected, proposed, quarantined, lifted), each
// with who and why; the decision on the candidate it came from; and, for a self-healing pattern, the
// decisions on its fix's recipe (approved, withdrawn, command changed).
import type { DbHandle } from "../../db/client";

export interface HistoryEvent {
  id: string;
  at: Date;
  actor: string;
  action: string;
  reason: string | null;
}

export async function getPatternHistory(
  db: DbHandle,
  target: { patternId: string; antiPatternId: string | null; candidateId: string | null; selfHeal?: boolean },
  limit = 50,
): Promise<HistoryEvent[]> {
  const or = [{ targetType: "pattern", targetId: target.patternId }];
  if (target.antiPatternId) or.push({ targetType: "anti_pattern", targetId: target.antiPatternId });
  if (target.candidateId) or.push({ targetType: "candidate", targetId: target.candidateId });
  if (target.selfHeal) {
    const fixes = await db.prisma.errorPattern.findMany({ where: { patternId: target.patternId }, select: { id: true } });
    for (const f of fixes) or.push({ targetType: "fix", targetId: f.id });
  }
  return db.prisma.auditEvent.findMany({
    where: { OR: or }, orderBy: [{ at: "desc" }, { id: "desc" }], take: Math.min(limit, 200),
    select: { id: true, at: true, actor: true, action: true, reason: true },
  });
}
