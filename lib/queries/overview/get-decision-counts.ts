// The overview's two "waiting on people" cards: candidates pending now and quarantined patterns now, each
// with how many arrived in the period and in the period before (proposals made; quarantines applied by
// the detector, confirmed or made by hand), so the change beside them means the same thing as the others.
import type { DbHandle } from "../../db/client";
import type { Period } from "../period";

export interface DecisionCounts {
  pendingCandidates: number;
  proposed: { current: number; previous: number };
  quarantined: number;
  quarantines: { current: number; previous: number };
}

const QUARANTINES = ["quarantine.apply", "quarantine.confirm", "quarantine.manual"];
const start = (day: string) => new Date(`${day}T00:00:00Z`);
const end = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);

export async function getDecisionCounts(db: DbHandle, period: Period): Promise<DecisionCounts> {
  const inRange = (from: string, to: string) => ({ gte: start(from), lt: end(to) });
  const [pendingCandidates, proposedNow, proposedBefore, quarantined, quarantinesNow, quarantinesBefore] = await Promise.all([
    db.prisma.patternCandidate.count({ where: { status: "pending" } }),
    db.prisma.patternCandidate.count({ where: { createdAt: inRange(period.from, period.to) } }),
    db.prisma.patternCandidate.count({ where: { createdAt: inRange(period.previous.from, period.previous.to) } }),
    db.prisma.pattern.count({ where: { status: "quarantined" } }),
    db.prisma.auditEvent.count({ where: { action: { in: QUARANTINES }, at: inRange(period.from, period.to) } }),
    db.prisma.auditEvent.count({ where: { action: { in: QUARANTINES }, at: inRange(period.previous.from, period.previous.to) } }),
  ]);
  return {
    pendingCandidates,
    proposed: { current: proposedNow, previous: proposedBefore },
    quarantined,
    quarantines: { current: quarantinesNow, previous: quarantinesBefore },
  };
}
