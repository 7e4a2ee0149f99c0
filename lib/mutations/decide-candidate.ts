// A reviewer's decision on a candidate, or the system's in aggressive mode: approving makes the proposed
// spec an active pattern; rejecting keeps the group from being proposed again until it grows materially.
// Guarded by the current state, so a candidate already decided answers "already handled". A reviewer may
// approve under another name or with an edited spec; the edit is checked by the pattern-spec schema first.
import { parse as parseYaml } from "yaml";
import { audit, auditRow } from "../audit/audit";
import type { DbHandle } from "../db/client";
import type { Tx } from "../analysis/types";
import { decideCandidateSchema, type DecideCandidateInput } from "../schemas/decide-candidate";
import { InputError, parseInput } from "../schemas/parse-input";
import { patternSpecSchema, specFromYaml, specToYaml, type PatternSpec } from "../schemas/pattern-spec";
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

/**
 * What approving writes over a pattern that already exists. A quarantine stays until someone lifts it. A live
 * pattern holding another spec than the one approved was changed by a person since (an imported edit, kept
 * when its auto-approval was reverted): that spec is their work and stays, unless this approval edits the spec
 * itself. An archived pattern, or one registered from telemetry with no spec, takes the approved spec.
 */
export function approvalUpdate(existing: { status: string; spec: string } | null, update: ReturnType<typeof patternFromCandidate>["update"], opts: { edited: boolean }) {
  const specKept = !!existing && existing.status !== "archived" && existing.spec !== "" && existing.spec !== update.spec && !opts.edited;
  const data = { ...update, ...(existing?.status === "quarantined" ? { status: "quarantined" } : {}), ...(specKept ? { spec: existing!.spec } : {}) };
  return { data, specKept };
}

/** A reviewer's change to the proposed spec, already checked: the YAML saved and what it parses to. */
export interface EditedSpec {
  yaml: string;
  spec: PatternSpec;
  /** for the audit log: the name before and after, and whether more than the name changed */
  before: { name: string };
  after: { name: string; specEdited: boolean };
}

export function approvalAudit(candidateId: string, decision: { actor: string; reason: string; status: "approved" | "auto_approved"; now: Date }, edit?: EditedSpec, specKept = false) {
  return auditRow({
    at: decision.now, actor: decision.actor, action: decision.status === "approved" ? "candidate.approve" : "candidate.auto_approve", target: { type: "candidate", id: candidateId }, reason: decision.reason,
    ...(edit ? { before: edit.before, after: edit.after } : {}),
    ...(specKept ? { details: { specKept: "the pattern's spec was changed by a person since; it was kept" } } : {}),
  });
}

/** Inside a transaction: the pattern from a pending candidate's spec, and the candidate marked decided. */
export async function approveInTx(
  tx: Tx,
  candidate: { id: string; groupKey: string; proposedSpec: string | null; kind: string },
  decision: { actor: string; reason: string; status: "approved" | "auto_approved"; now: Date },
  edit?: EditedSpec,
): Promise<{ patternId: string; specKept: boolean }> {
  if (!candidate.proposedSpec) throw new DecisionError("this candidate has no proposed spec");
  const pattern = edit ? patternFromCandidate({ ...candidate, proposedSpec: edit.yaml }, decision.now, edit.spec) : patternFromCandidate({ ...candidate, proposedSpec: candidate.proposedSpec }, decision.now);
  const patternId = pattern.id;
  const claimed = await tx.patternCandidate.updateMany({
    where: { id: candidate.id, status: "pending" },
    data: { status: decision.status, decidedBy: decision.actor, decidedAt: decision.now, decisionReason: decision.reason, updatedAt: decision.now },
  });
  if (claimed.count === 0) throw new DecisionError("already handled: this candidate was decided before");
  const existing = await tx.pattern.findUnique({ where: { id: patternId }, select: { status: true, spec: true } });
  const { data: update, specKept } = approvalUpdate(existing, pattern.update, { edited: !!edit });
  await tx.pattern.upsert({ where: { id: patternId }, create: pattern.create, update });
  await refreshEvidenceBaseline(tx, patternId, pattern.baseline);
  await tx.patternCandidate.update({ where: { id: candidate.id }, data: { patternId } });
  await tx.auditEvent.create({ data: approvalAudit(candidate.id, decision, edit, specKept) });
  return { patternId, specKept };
}

/** The proposed spec renamed and/or replaced by the reviewer's YAML, checked before anything is written. */
export function editSpec(proposedSpec: string, change: { name?: string; spec?: string }): EditedSpec | undefined {
  if (!change.name && !change.spec) return undefined;
  const proposed = specFromYaml(proposedSpec);
  let raw: unknown = proposed;
  if (change.spec) {
    try {
      raw = parseYaml(change.spec);
    } catch (error) {
      const message = `not valid YAML: ${(error as Error).message.split("\n")[0]}`;
      throw new InputError(`spec: ${message}`, { spec: [message] });
    }
  }
  const checked = patternSpecSchema.safeParse(raw);
  if (!checked.success) {
    const messages = checked.error.issues.map((issue) => `${issue.path.join(".") || "the spec"}: ${issue.message}`);
    throw new InputError(`spec: ${messages[0]}`, { spec: messages });
  }
  const spec = { ...checked.data, ...(change.name ? { name: change.name } : {}) };
  const yaml = specToYaml(spec);
  return { yaml, spec, before: { name: proposed.name }, after: { name: spec.name, specEdited: yaml !== specToYaml({ ...proposed, name: spec.name }) } };
}

export interface Decided {
  candidateId: string;
  decision: "approve" | "reject";
  /** the active pattern an approval made */
  patternId: string | null;
  /** the pattern already held a spec a person changed since, and kept it */
  specKept?: boolean;
}

/**
 * The one write behind Approve and Reject (review page, bulk, CLI): checked by the schema, guarded by the
 * candidate being pending, audited in the same transaction. Throws InputError (bad input, nothing
 * written) or DecisionError (no such candidate, or already decided).
 */
export async function decideCandidate(db: DbHandle, input: DecideCandidateInput, actor: string, now = new Date()): Promise<Decided> {
  const { candidateId, decision, reason, name, spec } = parseInput(decideCandidateSchema, input);
  if (decision === "reject") {
    await rejectCandidate(db, candidateId, { actor, reason, now });
    return { candidateId, decision, patternId: null };
  }
  const candidate = await db.prisma.patternCandidate.findUnique({ where: { id: candidateId } });
  if (!candidate) throw new DecisionError(`no candidate "${candidateId}"`);
  if (candidate.status !== "pending") throw new DecisionError(`already handled: this candidate was ${candidate.status.replace("_", "-")} before`);
  if (!candidate.proposedSpec) throw new DecisionError("this candidate has no proposed spec");
  // the review form posts the spec back as shown: unchanged text is no edit
  const changedSpec = spec !== undefined && spec.replace(/\r\n/g, "\n").trim() !== candidate.proposedSpec.trim() ? spec : undefined;
  const edit = editSpec(candidate.proposedSpec, { name, spec: changedSpec });
  const { patternId, specKept } = await db.prisma.$transaction((tx) => approveInTx(tx, candidate, { actor, reason: reason || "approved", status: "approved", now }, edit));
  return { candidateId, decision, patternId, specKept };
}

export async function approveCandidate(db: DbHandle, id: string, opts: { actor: string; reason: string }): Promise<string> {
  const candidate = await db.prisma.patternCandidate.findUnique({ where: { id } });
  if (!candidate) throw new DecisionError(`no candidate "${id}"`);
  const { patternId } = await db.prisma.$transaction((tx) => approveInTx(tx, candidate, { actor: opts.actor, reason: opts.reason.trim() || "approved", status: "approved", now: new Date() }));
  return patternId;
}

export async function rejectCandidate(db: DbHandle, id: string, opts: { actor: string; reason: string; now?: Date }): Promise<void> {
  const reason = opts.reason.trim();
  if (!reason) throw new DecisionError("a reason is required to reject");
  const now = opts.now ?? new Date();
  await db.prisma.$transaction(async (tx) => {
    const done = await tx.patternCandidate.updateMany({ where: { id, status: "pending" }, data: { status: "rejected", decidedBy: opts.actor, decidedAt: now, decisionReason: reason, updatedAt: now } });
    if (done.count === 0) {
      const exists = await tx.patternCandidate.findUnique({ where: { id }, select: { status: true } });
      throw new DecisionError(exists ? `already handled: this candidate was ${exists.status.replace("_", "-")} before` : `no candidate "${id}"`);
    }
    await audit(tx, { at: now, actor: opts.actor, action: "candidate.reject", target: { type: "candidate", id }, reason });
  });
}
