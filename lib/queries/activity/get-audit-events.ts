// The audit log for the Activity page, newest first, one page at a time: filtered by actor, action and UTC
// days, counted for the pager; oldest first when asked. Reads through the index on `at`; never more than
// one page of rows (the shared limit/offset window).
import type { DbHandle } from "../../db/client";
import { window, type Page, type PageInput } from "../shared/page-input";

export interface AuditEventRow {
  id: string;
  at: Date;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  reason: string | null;
  before: unknown;
  after: unknown;
  /** the rest of what the event recorded (counts, run ids…) */
  details: Record<string, unknown>;
}

export type AuditEventSort = "at";

export interface AuditEventQuery extends PageInput<AuditEventSort> {
  actor?: string;
  action?: string;
  /** UTC days, YYYY-MM-DD, both included */
  from?: string;
  to?: string;
}

const DAY = 86_400_000;

function parseDetails(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export async function getAuditEvents(db: DbHandle, q: AuditEventQuery): Promise<Page<AuditEventRow>> {
  const at = {
    ...(q.from ? { gte: new Date(`${q.from}T00:00:00Z`) } : {}),
    ...(q.to ? { lt: new Date(Date.parse(`${q.to}T00:00:00Z`) + DAY) } : {}),
  };
  const where = { ...(q.actor ? { actor: q.actor } : {}), ...(q.action ? { action: q.action } : {}), ...(q.from || q.to ? { at } : {}) };
  const dir = q.sort.desc ? "desc" : "asc";
  const [events, total] = await Promise.all([
    db.prisma.auditEvent.findMany({ where, orderBy: [{ at: dir }, { id: dir }], ...window(q) }),
    db.prisma.auditEvent.count({ where }),
  ]);
  const rows = events.map((e) => {
    const { before, after, ...details } = parseDetails(e.details);
    return { id: e.id, at: e.at, actor: e.actor, action: e.action, targetType: e.targetType, targetId: e.targetId, reason: e.reason, before, after, details };
  });
  return { rows, total };
}
