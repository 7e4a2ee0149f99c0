// Learned fixes that carry a command (recipes), for the reviewers who approve them: the Fixes page's
// recipe panel, a self-heal pattern's page and `patterns recipes`. Those awaiting a decision come first.
// The command is telemetry's text, shown for review; whether it may run is in `recipe`.
import type { DbHandle } from "../../db/client";
import type { RecipeStatus } from "../../detectors/recipes";
import { toFixRecord, type FixRecord } from "./fix-record";

export interface RecipeItem extends FixRecord {
  /** The learned fix's id (fix_…). */
  id: string;
  /** The self-healing pattern made from the fix, once it is one. */
  patternId: string | null;
  /** The command telemetry names now (untrusted until approved). */
  command: string;
  commandSha: string;
  /** The text approved last, when it differs from `command` (status changed_since_approval). */
  previouslyApproved: string | null;
  lastSeenAt: Date;
}

export interface RecipesInput {
  status?: RecipeStatus;
  /** Only the recipe of this learned fix or self-healing pattern. */
  id?: string;
  /** At most this many (default 200). */
  limit?: number;
}

const ORDER: Record<RecipeStatus, number> = { changed_since_approval: 0, awaiting_approval: 1, approved: 2 };

export async function getRecipes(db: DbHandle, input: RecipesInput = {}): Promise<{ rows: RecipeItem[]; total: number }> {
  const rows = await db.prisma.errorPattern.findMany({
    where: { fixCommand: { not: null }, ...(input.id ? { OR: [{ id: input.id }, { patternId: input.id }] } : {}) },
    orderBy: [{ successes: "desc" }, { id: "asc" }],
  });
  const items = rows
    .map((r): RecipeItem => {
      const record = toFixRecord(r);
      return {
        ...record, id: r.id, patternId: r.patternId, command: r.fixCommand!, commandSha: record.recipe!.commandSha,
        previouslyApproved: record.recipe!.status === "changed_since_approval" ? r.approvedCommand : null, lastSeenAt: r.lastSeenAt,
      };
    })
    .filter((i) => !input.status || i.recipe!.status === input.status)
    .sort((a, b) => ORDER[a.recipe!.status] - ORDER[b.recipe!.status]);
  return { rows: items.slice(0, input.limit ?? 200), total: items.length };
}
