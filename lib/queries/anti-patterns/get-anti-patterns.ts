// The anti-pattern registry with each entry's history (detected, quarantined, lifted: by whom, why). Pages
// ask for a page of it (limit/offset, with the total); the CLI may ask for all. Histories are read in chunks:
// a registry of thousands of entries would pass the database's limit on query parameters in one IN list.
import type { DbHandle } from "../../db/client";

const HISTORY_CHUNK = 500;

export interface AntiPatternItem {
  id: string;
  kind: string;
  patternId: string | null;
  signature: string | null;
  status: string;
  classification: string | null;
  failureRate: number;
  occurrences: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  history: Array<{ at: Date; actor: string; action: string; reason: string | null }>;
}

export interface AntiPatternQuery {
  status?: string;
  kind?: "failing_pattern" | "recurring_error";
  limit?: number;
  offset?: number;
}

export async function countAntiPatterns(db: DbHandle, opts: Pick<AntiPatternQuery, "status" | "kind"> = {}): Promise<number> {
  return db.prisma.antiPattern.count({ where: { ...(opts.status ? { status: opts.status } : {}), ...(opts.kind ? { kind: opts.kind } : {}) } });
}

export async function getAntiPatterns(db: DbHandle, opts: AntiPatternQuery = {}): Promise<AntiPatternItem[]> {
  const entries = await db.prisma.antiPattern.findMany({
    where: { ...(opts.status ? { status: opts.status } : {}), ...(opts.kind ? { kind: opts.kind } : {}) },
    orderBy: [{ status: "asc" }, { occurrences: "desc" }, { id: "asc" }],
    ...(opts.limit !== undefined ? { take: opts.limit, skip: opts.offset ?? 0 } : {}),
  });
  const history = await getAntiPatternHistories(db, entries.map((e) => e.id));
  return entries.map((e) => ({
    id: e.id, kind: e.kind, patternId: e.patternId, signature: e.signature, status: e.status, classification: e.classification,
    failureRate: e.failureRate, occurrences: e.occurrences, firstSeenAt: e.firstSeenAt, lastSeenAt: e.lastSeenAt, history: history.get(e.id) ?? [],
  }));
}

/** Each entry's history (detected, quarantined, lifted: by whom, why), oldest first, read in chunks. */
export async function getAntiPatternHistories(db: DbHandle, ids: readonly string[]): Promise<Map<string, AntiPatternItem["history"]>> {
  const history = new Map<string, AntiPatternItem["history"]>();
  for (let i = 0; i < ids.length; i += HISTORY_CHUNK) {
    const audit = await db.prisma.auditEvent.findMany({
      where: { targetType: "anti_pattern", targetId: { in: ids.slice(i, i + HISTORY_CHUNK) } },
      select: { targetId: true, at: true, actor: true, action: true, reason: true },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    });
    for (const a of audit) {
      const list = history.get(a.targetId) ?? [];
      list.push({ at: a.at, actor: a.actor, action: a.action, reason: a.reason });
      history.set(a.targetId, list);
    }
  }
  return history;
}
