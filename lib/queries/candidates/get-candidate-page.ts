// The review queue, a page at a time: candidates filtered by kind, status, confidence range and name,
// sorted on the server (the benchmark world has 852 of them; a page never loads more than it shows).
import type { DbHandle, Prisma } from "../../db/client";
import { window, type Page, type PageInput } from "../shared/page-input";

export interface CandidateRow {
  id: string;
  kind: string;
  name: string;
  status: string;
  confidence: number;
  evidenceCount: number;
  patternId: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  updatedAt: Date;
}

export type CandidateSort = "confidence" | "name" | "evidence" | "updated" | "decided";

export interface CandidatePageInput extends PageInput<CandidateSort> {
  kind?: string;
  /** one status; undefined for all */
  status?: string;
  minConfidence?: number;
  maxConfidence?: number;
  /** text in the name */
  q?: string;
}

const SORT_FIELD = { confidence: "confidence", name: "name", evidence: "evidenceCount", updated: "updatedAt", decided: "decidedAt" } as const;

export function candidateWhere(input: Omit<CandidatePageInput, "limit" | "offset" | "sort">): Prisma.PatternCandidateWhereInput {
  return {
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(input.minConfidence !== undefined || input.maxConfidence !== undefined
      ? { confidence: { ...(input.minConfidence !== undefined ? { gte: input.minConfidence } : {}), ...(input.maxConfidence !== undefined ? { lte: input.maxConfidence } : {}) } }
      : {}),
    ...(input.q ? { name: { contains: input.q } } : {}),
  };
}

export async function getCandidatePage(db: DbHandle, input: CandidatePageInput): Promise<Page<CandidateRow>> {
  const where = candidateWhere(input);
  const dir = input.sort.desc ? "desc" : "asc";
  const [rows, total] = await Promise.all([
    db.prisma.patternCandidate.findMany({
      where,
      // undecided rows have no decision time: last either way, on both databases
      orderBy: [input.sort.id === "decided" ? { decidedAt: { sort: dir, nulls: "last" } } : { [SORT_FIELD[input.sort.id]]: dir }, { id: "asc" }],
      ...window(input),
      select: { id: true, kind: true, name: true, status: true, confidence: true, evidenceCount: true, patternId: true, decidedBy: true, decidedAt: true, decisionReason: true, updatedAt: true },
    }),
    db.prisma.patternCandidate.count({ where }),
  ]);
  return { rows, total };
}
