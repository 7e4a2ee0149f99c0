// Learned fixes (AUTO-003) for the fixes page, a page at a time: each with its record, filtered by what the
// learner made of it (learning, self-healing, auto-apply) or by text in its error signature or fix.
import type { DbHandle, Prisma } from "../../db/client";
import { window, type Page, type PageInput } from "../shared/page-input";
import { toFixRecord, type FixRecord } from "./fix-record";

export interface FixItem extends FixRecord {
  id: string;
  lastSeenAt: Date;
}

export type FixSort = "successes" | "attempts" | "lastSeen";
export type FixState = "learning" | "self-healing" | "auto-apply";

export interface FixesInput extends PageInput<FixSort> {
  state?: FixState;
  /** text in the error signature or the fix */
  q?: string;
}

const STATE_WHERE: Record<FixState, Prisma.ErrorPatternWhereInput> = {
  learning: { autoApply: false, patternId: null },
  "self-healing": { autoApply: false, patternId: { not: null } },
  "auto-apply": { autoApply: true },
};

const SORT_FIELD = { successes: "successes", attempts: "attempts", lastSeen: "lastSeenAt" } as const;

export async function getFixes(db: DbHandle, input: FixesInput): Promise<Page<FixItem>> {
  const where: Prisma.ErrorPatternWhereInput = {
    ...(input.state ? STATE_WHERE[input.state] : {}),
    ...(input.q ? { OR: [{ signature: { contains: input.q } }, { fix: { contains: input.q } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    db.prisma.errorPattern.findMany({ where, orderBy: [{ [SORT_FIELD[input.sort.id]]: input.sort.desc ? "desc" : "asc" }, { id: "asc" }], ...window(input) }),
    db.prisma.errorPattern.count({ where }),
  ]);
  return { rows: rows.map((r) => ({ id: r.id, lastSeenAt: r.lastSeenAt, ...toFixRecord(r) })), total };
}
