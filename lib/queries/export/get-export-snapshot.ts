// Everything `patterns export` writes, read in one go: candidates awaiting review, patterns with a spec
// (and whether a person or the system approved them), the anti-pattern registry with its evidence and
// audit history, and the stored weekly reports for all sources. Sorted by id so files come out stable.
import type { DbHandle } from "../../db/client";
import { getAntiPatternHistories, type AntiPatternItem } from "../anti-patterns/get-anti-patterns";

export interface DraftRow {
  id: string;
  kind: string;
  confidence: number;
  evidenceCount: number;
  proposedSpec: string;
}

export interface SpecRow {
  id: string;
  kind: string;
  status: string;
  spec: string;
  /** "auto_approved" when the system approved the candidate it came from; else "approved" */
  approval: "approved" | "auto_approved";
}

/** A registry entry as the listing shows it, plus what the exported file records of its evidence. */
export interface AntiPatternRow extends AntiPatternItem {
  evidence: string;
  countFrom: Date | null;
}

export interface ExportSnapshot {
  drafts: DraftRow[];
  specs: SpecRow[];
  antiPatterns: AntiPatternRow[];
  weeklyReports: Array<{ week: string; markdown: string }>;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function getExportSnapshot(db: DbHandle): Promise<ExportSnapshot> {
  const [drafts, patterns, autoApproved, entries, reports] = await Promise.all([
    db.prisma.patternCandidate.findMany({ where: { status: "pending", proposedSpec: { not: null } }, select: { id: true, kind: true, confidence: true, evidenceCount: true, proposedSpec: true } }),
    db.prisma.pattern.findMany({ where: { spec: { not: "" } }, select: { id: true, kind: true, status: true, spec: true } }),
    db.prisma.patternCandidate.findMany({ where: { status: "auto_approved", patternId: { not: null } }, select: { patternId: true } }),
    db.prisma.antiPattern.findMany(),
    db.prisma.weeklyReport.findMany({ where: { source: "" }, select: { week: true, markdown: true }, orderBy: { week: "asc" } }),
  ]);
  const auto = new Set(autoApproved.map((c) => c.patternId));
  // lifts are recorded against `ap_<patternId>`, which is the failing pattern's entry id
  const history = await getAntiPatternHistories(db, entries.map((e) => e.id));
  return {
    drafts: drafts.map((d) => ({ ...d, proposedSpec: d.proposedSpec! })).sort(byId),
    specs: patterns.map((p) => ({ ...p, approval: auto.has(p.id) ? ("auto_approved" as const) : ("approved" as const) })).sort(byId),
    antiPatterns: entries
      .map((e) => ({
        id: e.id, kind: e.kind, patternId: e.patternId, signature: e.signature, status: e.status, classification: e.classification, failureRate: e.failureRate,
        occurrences: e.occurrences, evidence: e.evidence, countFrom: e.countFrom, firstSeenAt: e.firstSeenAt, lastSeenAt: e.lastSeenAt, history: history.get(e.id) ?? [],
      }))
      .sort(byId),
    weeklyReports: reports,
  };
}
