// A reviewer's decision on a candidate, or the system's in aggressive mode: approving makes the proposed
// spec an active pattern; rejecting keeps the group from being proposed again until it grows materially.
// Guarded by the current state, so a candidate already decided answers "already handled".
import { audit, auditRow } from "../audit/audit";
import type { DbHandle } from "../db/client";
import type { Tx } from "../analysis/types";
import { specFromYaml, type PatternSpec } from "../schemas/pattern-spec";
import { signatureKey } from "../signature";

export class DecisionError extends Error {
  override name = "DecisionError";
}

export function patternIdFor(operation: string, groupKey: string): string {
  const slug = operation.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "pattern";
  return `${slug}-${signatureKey(groupKey).slice(0, 6)}`;
}

/** The active pattern an approved candidate becomes: its id and the row that creates it. */
export function patternFromCandidate(candidate: { groupKey: string; proposedSpec: string; kind: string }, now: Date, parsed?: PatternSpec) {
  const spec = parsed ?? specFromYaml(candidate.proposedSpec);
  const id = patternIdFor(spec.operation, candidate.groupKey);
  return {
    id,
    create: {
      id, name: spec.name, kind: candidate.kind, status: "active", origin: "candidate", spec: candidate.proposedSpec, description: spec.description, createdAt: now, updatedAt: now,
      ...evidenceBaseline(spec),
    },
    update: { status: "active", spec: candidate.proposedSpec, updatedAt: now },
    baseline: evidenceBaseline(spec),
  };
}

/**
 * AUTO-004's time saved per run is measured against how long the work took ad hoc: the median duration
 * of the candidate's evidence runs (the spec's medianDurationMs is computed over exactly those runs).
 */
export function evidenceBaseline(spec: Pick<PatternSpec, "medianDurationMs">) {
  return { baselineDurationMs: spec.medianDurationMs, baselineSource: "evidence" as const };
}

/** A pattern approved again takes the new evidence's baseline, unless an admin set one. */
export async function refreshEvidenceBaseline(tx: Tx, patternId: string, baseline: ReturnType<typeof evidenceBaseline>): Promise<void> {
  await tx.pattern.updateMany({ where: { id: patternId, OR: [{ baselineSource: null }, { baselineSource: "evidence" }] }, data: baseline });
}

export function approvalAudit(candidateId: string, decision: { actor: string; reason: string; status: "approved" | "auto_approved"; now: Date }) {
  return auditRow({ at: decision.now, actor: decision.actor, action: decision.status === "approved" ? "candidate.approve" : "candidate.auto_approve", target: { type: "candidate", id: candidateId }, reason: decision.reason });
}

/** Inside a transaction: the pattern from a pending candidate's spec, and the candidate marked decided. */
export async function approveInTx(
  tx: Tx,
  candidate: { id: string; groupKey: string; proposedSpec: string | null; kind: string },
  decision: { actor: string; reason: string; status: "approved" | "auto_approved"; now: Date },
): Promise<string> {
  if (!candidate.proposedSpec) throw new DecisionError("this candidate has no proposed spec");
  const pattern = patternFromCandidate({ ...candidate, proposedSpec: candidate.proposedSpec }, decision.now);
  const patternId = pattern.id;
  const claimed = await tx.patternCandidate.updateMany({
    where: { id: candidate.id, status: "pending" },
    data: { status: decision.status, decidedBy: decision.actor, decidedAt: decision.now, decisionReason: decision.reason, updatedAt: decision.now },
  });
  if (claimed.count === 0) throw new DecisionError("already handled: this candidate was decided before");
  await tx.pattern.upsert({ where: { id: patternId }, create: pattern.create, update: pattern.update });
  await refreshEvidenceBaseline(tx, patternId, pattern.baseline);
  await tx.patternCandidate.update({ where: { id: candidate.id }, data: { patternId } });
  await tx.auditEvent.create({ data: approvalAudit(candidate.id, decision) });
  return patternId;
}

export async function approveCandidate(db: DbHandle, id: string, opts: { actor: string; reason: string }): Promise<string> {
  const candidate = await db.prisma.patternCandidate.findUnique({ where: { id } });
  if (!candidate) throw new DecisionError(`no candidate "${id}"`);
  return db.prisma.$transaction((tx) => approveInTx(tx, candidate, { actor: opts.actor, reason: opts.reason.trim() || "approved", status: "approved", now: new Date() }));
}

export async function rejectCandidate(db: DbHandle, id: string, opts: { actor: string; reason: string }): Promise<void> {
  const reason = opts.reason.trim();
  if (!reason) throw new DecisionError("a reason is required to reject");
  const now = new Date();
  await db.prisma.$transaction(async (tx) => {
    const done = await tx.patternCandidate.updateMany({ where: { id, status: "pending" }, data: { status: "rejected", decidedBy: opts.actor, decidedAt: now, decisionReason: reason, updatedAt: now } });
    if (done.count === 0) throw new DecisionError("already handled: this candidate is not pending");
    await audit(tx, { at: now, actor: opts.actor, action: "candidate.reject", target: { type: "candidate", id }, reason });
  });
}
