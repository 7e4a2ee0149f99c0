// The anti-pattern registry with each entry's history (detected, quarantined, lifted: by whom, why).
import type { DbHandle } from "../../db/client";

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

export async function getAntiPatterns(db: DbHandle, opts: { status?: string } = {}): Promise<AntiPatternItem[]> {
  const entries = await db.prisma.antiPattern.findMany({ where: opts.status ? { status: opts.status } : {}, orderBy: [{ status: "asc" }, { occurrences: "desc" }, { id: "asc" }] });
  const audit = await db.prisma.auditEvent.findMany({ where: { targetType: "anti_pattern", targetId: { in: entries.map((e) => e.id) } }, orderBy: { at: "asc" } });
  const history = new Map<string, AntiPatternItem["history"]>();
  for (const a of audit) {
    const list = history.get(a.targetId) ?? [];
    list.push({ at: a.at, actor: a.actor, action: a.action, reason: a.reason });
    history.set(a.targetId, list);
  }
  return entries.map((e) => ({
    id: e.id, kind: e.kind, patternId: e.patternId, signature: e.signature, status: e.status, classification: e.classification,
    failureRate: e.failureRate, occurrences: e.occurrences, firstSeenAt: e.firstSeenAt, lastSeenAt: e.lastSeenAt, history: history.get(e.id) ?? [],
  }));
}
