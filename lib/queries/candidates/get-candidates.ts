// Candidates for review: the confidence and its parts, the evidence, the proposed spec.
import type { DbHandle } from "../../db/client";
import { parseStoredJson } from "../stored-json";

export interface CandidateItem {
  id: string;
  kind: string;
  name: string;
  status: string;
  confidence: number;
  confidenceParts: Record<string, number>;
  evidence: string[];
  evidenceCount: number;
  proposedSpec: string | null;
  patternId: string | null;
  decidedBy: string | null;
  decisionReason: string | null;
  updatedAt: Date;
}


type CandidateRow = Omit<CandidateItem, "confidenceParts" | "evidence"> & { confidenceParts: string; evidence: string };

/** A stored candidate as every reader shows it (the JSON columns read back). */
export function toCandidateItem(r: CandidateRow): CandidateItem {
  return {
    id: r.id, kind: r.kind, name: r.name, status: r.status, confidence: r.confidence, confidenceParts: parseStoredJson(r.confidenceParts, {}),
    evidence: parseStoredJson<unknown[]>(r.evidence, []).filter((e): e is string => typeof e === "string"), evidenceCount: r.evidenceCount, proposedSpec: r.proposedSpec, patternId: r.patternId,
    decidedBy: r.decidedBy, decisionReason: r.decisionReason, updatedAt: r.updatedAt,
  };
}

export async function getCandidates(db: DbHandle, opts: { status?: string } = {}): Promise<CandidateItem[]> {
  const rows = await db.prisma.patternCandidate.findMany({ where: opts.status ? { status: opts.status } : {}, orderBy: [{ status: "desc" }, { confidence: "desc" }, { id: "asc" }] });
  return rows.map(toCandidateItem);
}
