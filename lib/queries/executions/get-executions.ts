// The executions listing, one page at a time: newest first by default, filtered by pattern, result or an
// exact execution id / operation, with the id each event was sent with. At a million rows an exact count is
// the slow part, so counting stops at COUNT_CAP and the page says "10,000+".
import type { DbHandle, Prisma } from "../../db/client";
import { window, type Page, type PageInput } from "../shared/page-input";

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

export type ExecutionSort = "started" | "operation";

export interface ExecutionsInput extends PageInput<ExecutionSort> {
  patternId?: string;
  result?: "ok" | "failed";
  /** an execution id as sent, or an operation name (exact: both are indexed) */
  q?: string;
}

export const COUNT_CAP = 10_000;

export async function getExecutions(db: DbHandle, input: ExecutionsInput): Promise<Page<ExecutionListItem>> {
  const where: Prisma.ExecutionWhereInput = {
    ...(input.patternId ? { patternId: input.patternId } : {}),
    ...(input.result ? { success: input.result === "ok" } : {}),
    ...(input.q ? { OR: [{ id: input.q }, { operation: input.q }] } : {}),
  };
  const dir = input.sort.desc ? "desc" : "asc";
  const orderBy: Prisma.ExecutionOrderByWithRelationInput[] =
    input.sort.id === "operation" ? [{ operation: dir }, { startedAt: "desc" }, { seq: "desc" }] : [{ startedAt: dir }, { seq: dir }];
  const [rows, counted] = await Promise.all([
    db.prisma.execution.findMany({
      where,
      orderBy,
      ...window(input),
      select: { id: true, patternId: true, operation: true, startedAt: true, durationMs: true, success: true, errorMessage: true, retryOf: true, fix: true, source: true },
    }),
    db.prisma.execution.count({ where, take: COUNT_CAP + 1 }),
  ]);
  return { rows, total: Math.min(counted, COUNT_CAP), totalCapped: counted > COUNT_CAP };
}
