// Runs for a pattern's page, each with the id it was sent with: the latest runs naming the pattern, or
// the runs whose ids are given (the evidence of the candidate it was made from, which ran ad hoc).
import type { DbHandle } from "../../db/client";

export interface PatternRun {
  id: string;
  operation: string;
  startedAt: Date;
  durationMs: number;
  success: boolean;
  errorMessage: string | null;
  source: string | null;
}

const select = { id: true, operation: true, startedAt: true, durationMs: true, success: true, errorMessage: true, source: true } as const;

export async function getRecentRuns(db: DbHandle, patternId: string, limit = 20): Promise<PatternRun[]> {
  return db.prisma.execution.findMany({ where: { patternId }, orderBy: [{ startedAt: "desc" }, { seq: "desc" }], take: Math.min(limit, 100), select });
}

export async function getRunsById(db: DbHandle, ids: readonly string[], limit = 50): Promise<PatternRun[]> {
  if (ids.length === 0) return [];
  return db.prisma.execution.findMany({ where: { id: { in: ids.slice(0, limit) } }, orderBy: [{ startedAt: "desc" }, { seq: "desc" }], select });
}
