// A reviewer withdraws a recipe's approval: its command stops running at once, whatever its record, until
// someone approves it again. Shared by the pages and `patterns recipes revoke`; audited with the reason.
import { audit } from "../audit/audit";
import type { DbHandle } from "../db/client";
import { selfHealSpecOfRow } from "../analysis/self-heal-spec";
import { parseInput } from "../schemas/parse-input";
import { revokeRecipeSchema, type RevokeRecipeInput } from "../schemas/recipe";
import { findRecipeRow, RecipeError } from "./recipe-row";

export async function revokeRecipe(db: DbHandle, input: RevokeRecipeInput, actor: string, now = new Date()): Promise<{ fixId: string; patternId: string | null }> {
  const { recipeId, reason } = parseInput(revokeRecipeSchema, input);
  return db.prisma.$transaction(async (tx) => {
    const row = await findRecipeRow(tx, recipeId);
    if (row.approvedCommand === null) throw new RecipeError(`no command of ${row.id} is approved: already handled`);
    const done = await tx.errorPattern.updateMany({ where: { id: row.id, approvedCommand: row.approvedCommand }, data: { approvedCommand: null, approvedBy: null, approvedAt: null } });
    if (done.count === 0) throw new RecipeError(`the approval of ${row.id} changed meanwhile: already handled`);
    if (row.patternId) {
      const spec = selfHealSpecOfRow({ ...row, approvedCommand: null, approvedBy: null, approvedAt: null });
      await tx.pattern.updateMany({ where: { id: row.patternId, kind: "self_heal" }, data: { spec, updatedAt: now } });
    }
    await audit(tx, {
      at: now, actor, action: "recipe.revoke", target: { type: "fix", id: row.id }, reason,
      before: { approvedCommand: row.approvedCommand, approvedBy: row.approvedBy }, after: { approvedCommand: null },
      details: { fix: row.fix, patternId: row.patternId },
    });
    return { fixId: row.id, patternId: row.patternId };
  });
}
