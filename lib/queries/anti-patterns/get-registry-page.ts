// One page of the anti-pattern registry for its page: entries filtered by status and kind, each with the
// evidence it was judged on, its timeline from the audit log (every change: detected, proposed,
// quarantined, confirmed, lifted; who and why), and, for recurring errors, the fixes learned for them.
// Sorted by status (then the worst first), by failures or by when last seen; paged with the shared window.
import type { DbHandle, Prisma } from "../../db/client";
import { window, type Page, type PageInput } from "../shared/page-input";

export const REGISTRY_STATUSES = ["monitoring", "proposed", "quarantined", "lifted"] as const;
export const REGISTRY_KINDS = ["failing_pattern", "recurring_error"] as const;

export type RegistrySort = "status" | "occurrences" | "lastSeen";

export interface RegistryInput extends PageInput<RegistrySort> {
  status?: string;
  kind?: string;
}

export interface RegistryEvidence {
  reason: string | null;
  /** failing patterns: the failed runs judged on, as their ids were sent */
  failedRunIds: string[];
  considered: number | null;
  window: { start: string; end: string } | null;
  /** recurring errors: the patterns it failed in */
  patternIds: string[];
  manual: boolean;
}

export interface RegistryEntry {
  id: string;
  kind: string;
  patternId: string | null;
  patternName: string | null;
  signature: string | null;
  signatureKey: string | null;
  status: string;
  classification: string | null;
  failureRate: number;
  occurrences: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  evidence: RegistryEvidence;
  timeline: Array<{ id: string; at: Date; actor: string; action: string; reason: string | null }>;
  fixes: { known: number; best: string | null };
}

const strings = (v: unknown, max = 50): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string").slice(0, max) : []);

export function readEvidence(text: string): RegistryEvidence {
  let e: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) e = parsed as Record<string, unknown>;
  } catch {
    e = {};
  }
  const start = typeof e.windowStart === "number" ? e.windowStart : null;
  const end = typeof e.windowEnd === "number" ? e.windowEnd : null;
  return {
    reason: typeof e.reason === "string" ? e.reason : null,
    failedRunIds: strings(e.failedRunIds),
    considered: typeof e.considered === "number" ? e.considered : null,
    window: start !== null && end !== null ? { start: new Date(start).toISOString(), end: new Date(end).toISOString() } : null,
    patternIds: strings(e.patternIds),
    manual: e.manual === true,
  };
}

function orderOf(sort: RegistryInput["sort"]): Prisma.AntiPatternOrderByWithRelationInput[] {
  const dir = sort.desc ? "desc" : "asc";
  if (sort.id === "occurrences") return [{ occurrences: dir }, { id: "asc" }];
  if (sort.id === "lastSeen") return [{ lastSeenAt: dir }, { id: "asc" }];
  return [{ status: dir }, { occurrences: "desc" }, { id: "asc" }];
}

export async function getRegistryPage(db: DbHandle, opts: RegistryInput): Promise<Page<RegistryEntry>> {
  const where = { ...(opts.status ? { status: opts.status } : {}), ...(opts.kind ? { kind: opts.kind } : {}) };
  const [entries, total] = await Promise.all([
    db.prisma.antiPattern.findMany({
      where, orderBy: orderOf(opts.sort), ...window(opts),
      include: { pattern: { select: { name: true } } },
    }),
    db.prisma.antiPattern.count({ where }),
  ]);
  const ids = entries.map((e) => e.id);
  const keys = entries.flatMap((e) => (e.kind === "recurring_error" && e.signatureKey ? [e.signatureKey] : []));
  const [events, fixes] = await Promise.all([
    ids.length
      ? db.prisma.auditEvent.findMany({ where: { targetType: "anti_pattern", targetId: { in: ids } }, orderBy: [{ at: "asc" }, { id: "asc" }], take: 2_000, select: { id: true, at: true, actor: true, action: true, reason: true, targetId: true } })
      : [],
    keys.length ? db.prisma.errorPattern.findMany({ where: { signatureKey: { in: keys } }, orderBy: [{ successes: "desc" }, { id: "asc" }], take: 500, select: { signatureKey: true, fix: true } }) : [],
  ]);
  const timeline = new Map<string, RegistryEntry["timeline"]>();
  for (const { targetId, ...event } of events) {
    const list = timeline.get(targetId) ?? [];
    list.push(event);
    timeline.set(targetId, list);
  }
  const fixesBy = new Map<string, { known: number; best: string | null }>();
  for (const f of fixes) {
    const known = fixesBy.get(f.signatureKey);
    fixesBy.set(f.signatureKey, known ? { ...known, known: known.known + 1 } : { known: 1, best: f.fix });
  }
  return {
    total,
    rows: entries.map((e) => ({
      id: e.id, kind: e.kind, patternId: e.patternId, patternName: e.pattern?.name ?? null, signature: e.signature, signatureKey: e.signatureKey,
      status: e.status, classification: e.classification, failureRate: e.failureRate, occurrences: e.occurrences, firstSeenAt: e.firstSeenAt, lastSeenAt: e.lastSeenAt,
      evidence: readEvidence(e.evidence), timeline: timeline.get(e.id) ?? [],
      fixes: (e.signatureKey && fixesBy.get(e.signatureKey)) || { known: 0, best: null },
    })),
  };
}
