// Every decision is recorded with who, what, why and when, in the same transaction as the change it
// describes. One typed helper builds and writes the rows, so the actions are a closed list the Activity
// page can filter on, and before/after land in the same place whatever wrote them. Batched writers pass
// rows built by auditRow to createMany, or the analysis to insertObjects (lib/db/raw.ts); the bulk telemetry writers insert their one action (pattern.register)
// in raw SQL for speed.
import { randomUUID } from "node:crypto";
import type { Prisma } from "../db/client";

export const AUDIT_ACTIONS = [
  "candidate.approve",
  "candidate.auto_approve",
  "candidate.reject",
  "candidate.reopen",
  "candidate.withdraw",
  "candidate.revert",
  "quarantine.lift",
  "quarantine.apply",
  "quarantine.propose",
  "quarantine.manual",
  "quarantine.confirm",
  "anti_pattern.detect",
  "pattern.register",
  "pattern.archive",
  "pattern.unarchive",
  "evolution.degrading",
  "evolution.recovered",
  "self_heal.create",
  "self_heal.auto_apply.on",
  "self_heal.auto_apply.off",
  "recipe.approve",
  "recipe.revoke",
  "recipe.command_changed",
  "setting.update",
  "token.create",
  "token.revoke",
  "user.create",
  "user.role",
  "demo.load",
  "job.run",
  "report.generate",
  "report.regenerate",
  "pattern.baseline",
  "pattern.import",
  "pattern.spec_import",
  "candidate.spec_import",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEventInput {
  actor: string;
  action: AuditAction;
  target: { type: string; id: string };
  reason?: string | null;
  before?: unknown;
  after?: unknown;
  /** anything else worth keeping with the event */
  details?: Record<string, unknown>;
  at?: Date;
  /** a stable id (analysis runs make theirs from the run id so a retried run writes nothing twice) */
  id?: string;
}

type AuditRow = Prisma.AuditEventCreateManyInput;

export function auditRow(event: AuditEventInput): AuditRow {
  const details = { ...event.details, ...(event.before !== undefined ? { before: event.before } : {}), ...(event.after !== undefined ? { after: event.after } : {}) };
  return {
    id: event.id ?? `aud_${randomUUID()}`,
    at: event.at ?? new Date(),
    actor: event.actor,
    action: event.action,
    targetType: event.target.type,
    targetId: event.target.id,
    reason: event.reason ?? null,
    details: JSON.stringify(details),
  };
}

/** Anything that can write audit rows: the client or an interactive transaction. */
interface AuditWriter {
  auditEvent: { create: (args: { data: AuditRow }) => PromiseLike<unknown>; createMany: (args: { data: AuditRow[] }) => PromiseLike<unknown> };
}

export async function audit(tx: AuditWriter, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({ data: auditRow(event) });
}

export async function auditMany(tx: AuditWriter, events: AuditEventInput[]): Promise<void> {
  if (events.length > 0) await tx.auditEvent.createMany({ data: events.map(auditRow) });
}
