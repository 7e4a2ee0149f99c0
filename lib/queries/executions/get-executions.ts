// The executions listing: newest first, optionally for one pattern, with the id each event was sent with.
import type { DbHandle } from "../../db/client";

export interface ExecutionListItem {
  id: string;
  patternId: string | null;
  operation: string;
  startedAt: Date;
  durationMs: number;
  success: boolean;
  errorMessage: string | null;
  retryOf: string | null;
  fix: string | null;
  source: string | null;
}

export async function getExecutions(db: DbHandle, opts: { patternId?: string; limit?: number } = {}): Promise<ExecutionListItem[]> {
  return db.prisma.execution.findMany({
    where: opts.patternId ? { patternId: opts.patternId } : {},
    orderBy: [{ startedAt: "desc" }, { seq: "desc" }],
    take: Math.min(opts.limit ?? 100, 500),
    select: {
      id: true, patternId: true, operation: true, startedAt: true, durationMs: true, success: true,
      errorMessage: true, retryOf: true, fix: true, source: true,
    },
  });
}
