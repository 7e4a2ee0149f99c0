// One pattern for its page: the row itself, the candidate it was made from (who approved it and the
// runs that made it, as their ids were sent), and its registry entry (quarantine state and evidence).
import type { DbHandle } from "../../db/client";
import { parseStoredJson } from "../stored-json";
import { degradationFigures, type DegradationFigures } from "./degradation-figures";

export interface PatternDetail {
  id: string;
  name: string;
  kind: string;
  status: string;
  origin: string;
  description: string | null;
  spec: string;
  autoApply: boolean;
  degrading: boolean;
  degradingSince: Date | null;
  /** while degrading: the day the failure rate changed and the success rate before and since (AUTO-007) */
  degradation: DegradationFigures | null;
  quarantinedAt: Date | null;
  quarantineReason: string | null;
  baselineDurationMs: number | null;
  baselineSource: string | null;
  archivedAt: Date | null;
  createdAt: Date;
  candidate: { id: string; status: string; decidedBy: string | null; decidedAt: Date | null; evidenceIds: string[]; evidenceCount: number } | null;
  antiPattern: { id: string; status: string; classification: string | null; failureRate: number; occurrences: number; reason: string | null } | null;
}


export async function getPattern(db: DbHandle, id: string): Promise<PatternDetail | null> {
  const [pattern, candidate, entry] = await Promise.all([
    db.prisma.pattern.findUnique({ where: { id } }),
    db.prisma.patternCandidate.findFirst({
      where: { patternId: id, status: { in: ["approved", "auto_approved"] } }, orderBy: { decidedAt: "desc" },
      select: { id: true, status: true, decidedBy: true, decidedAt: true, evidence: true, evidenceCount: true, kind: true },
    }),
    db.prisma.antiPattern.findUnique({ where: { key: `pattern:${id}` } }),
  ]);
  if (!pattern) return null;
  const evidence = candidate ? parseStoredJson<unknown[]>(candidate.evidence, []) : [];
  return {
    id: pattern.id, name: pattern.name, kind: pattern.kind, status: pattern.status, origin: pattern.origin, description: pattern.description,
    spec: pattern.spec, autoApply: pattern.autoApply, degrading: pattern.degrading, degradingSince: pattern.degradingSince,
    degradation: degradationFigures(pattern),
    quarantinedAt: pattern.quarantinedAt, quarantineReason: pattern.quarantineReason,
    baselineDurationMs: pattern.baselineDurationMs, baselineSource: pattern.baselineSource, archivedAt: pattern.archivedAt, createdAt: pattern.createdAt,
    candidate: candidate
      ? {
          id: candidate.id, status: candidate.status, decidedBy: candidate.decidedBy, decidedAt: candidate.decidedAt, evidenceCount: candidate.evidenceCount,
          // execution candidates hold run ids; file templates hold file paths (shown by the candidate page)
          evidenceIds: candidate.kind === "execution" ? evidence.filter((e): e is string => typeof e === "string").slice(0, 200) : [],
        }
      : null,
    antiPattern: entry
      ? {
          id: entry.id, status: entry.status, classification: entry.classification, failureRate: entry.failureRate, occurrences: entry.occurrences,
          reason: String(parseStoredJson<{ reason?: unknown }>(entry.evidence, {}).reason ?? "") || null,
        }
      : null,
  };
}
