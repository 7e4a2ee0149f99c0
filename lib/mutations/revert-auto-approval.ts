// A reviewer undoes what aggressive mode approved on its own: the candidate is pending again (to be decided
// by a person), and the pattern it made is archived, unless someone changed that pattern's spec since, in
// which case the pattern is someone's work now and stays. Guarded by the candidate still being auto-approved;
// audited in the same transaction.
import { audit } from "../audit/audit";
import type { DbHandle } from "../db/client";
import { revertAutoApprovalSchema, type RevertAutoApprovalInput } from "../schemas/decide-candidate";
import { parseInput } from "../schemas/parse-input";
import { DecisionError } from "./decide-candidate";

export interface Reverted {
  candidateId: string;
  patternId: string | null;
  /** archived, kept because its spec was edited since, or none (no pattern, or already archived) */
  pattern: "archived" | "kept-edited" | "none";
}

export async function revertAutoApproval(db: DbHandle, input: RevertAutoApprovalInput, actor: string, now = new Date()): Promise<Reverted> {
  const { candidateId, reason } = parseInput(revertAutoApprovalSchema, input);
  return db.prisma.$transaction(async (tx) => {
    const candidate = await tx.patternCandidate.findUnique({ where: { id: candidateId } });
    if (!candidate) throw new DecisionError(`no candidate "${candidateId}"`);
    const reopened = await tx.patternCandidate.updateMany({
      where: { id: candidateId, status: "auto_approved" },
      data: { status: "pending", decidedBy: null, decidedAt: null, decisionReason: null, patternId: null, updatedAt: now },
    });
    if (reopened.count === 0) throw new DecisionError(`only an auto-approval can be reverted: this candidate is ${candidate.status.replace("_", "-")}`);
    const pattern = candidate.patternId ? await tx.pattern.findUnique({ where: { id: candidate.patternId }, select: { id: true, status: true, spec: true } }) : null;
    let outcome: Reverted["pattern"] = "none";
    if (pattern && pattern.status !== "archived") {
      if (pattern.spec !== candidate.proposedSpec) outcome = "kept-edited";
      else {
        const archived = await tx.pattern.updateMany({ where: { id: pattern.id, status: pattern.status, spec: pattern.spec }, data: { status: "archived", archivedAt: now, updatedAt: now } });
        outcome = archived.count === 1 ? "archived" : "kept-edited";
        if (archived.count === 1) await audit(tx, { at: now, actor, action: "pattern.archive", target: { type: "pattern", id: pattern.id }, reason: `auto-approval of ${candidateId} reverted: ${reason}`, before: { status: pattern.status }, after: { status: "archived" } });
      }
    }
    await audit(tx, {
      at: now, actor, action: "candidate.revert", target: { type: "candidate", id: candidateId }, reason,
      before: { status: "auto_approved", decidedBy: candidate.decidedBy, decidedAt: candidate.decidedAt?.toISOString() ?? null, decisionReason: candidate.decisionReason, patternId: candidate.patternId },
      after: { status: "pending", pattern: outcome },
    });
    return { candidateId, patternId: candidate.patternId, pattern: outcome };
  });
}
