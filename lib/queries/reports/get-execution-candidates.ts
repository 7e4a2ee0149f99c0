// AUTO-001 candidates by group key: which ad-hoc clusters already became a pattern (missed uses), are
// waiting for review, or were turned down (opportunities), and last week's opportunities' fate.
import type { DbHandle } from "../../db/client";

export interface ReportCandidate {
  id: string;
  groupKey: string;
  name: string;
  status: string;
  patternId: string | null;
  decidedAt: Date | null;
}

export async function getExecutionCandidates(db: DbHandle): Promise<ReportCandidate[]> {
  return db.prisma.patternCandidate.findMany({
    where: { kind: "execution" },
    select: { id: true, groupKey: true, name: true, status: true, patternId: true, decidedAt: true },
  });
}
