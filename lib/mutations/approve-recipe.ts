// A reviewer approves the exact command a learned fix carries, so `patterns exec --heal` may run it while
// the fix keeps its auto-apply mark. The approval quotes the command's SHA-256: a command that changed
// since the reviewer read it is refused, never approved unseen. Shared by the Fixes page, the self-heal
// pattern page and `patterns recipes approve`; recorded in the audit log in the same transaction.
import { audit } from "../audit/audit";
import type { DbHandle } from "../db/client";
import { selfHealSpecOfRow } from "../analysis/self-heal-spec";
import { parseInput } from "../schemas/parse-input";
import { approveRecipeSchema, commandSha, type ApproveRecipeInput } from "../schemas/recipe";
import { findRecipeRow, RecipeError } from "./recipe-row";

export interface ApprovedRecipe {
  fixId: string;
  patternId: string | null;
  command: string;
  /** The fix carries the auto-apply mark now, so the command runs from the next failure on. */
  runs: boolean;
}

export async function approveRecipe(db: DbHandle, input: ApproveRecipeInput, actor: string, now = new Date()): Promise<ApprovedRecipe> {
  const { recipeId, commandSha: sha, note } = parseInput(approveRecipeSchema, input);
  return db.prisma.$transaction(async (tx) => {
    const row = await findRecipeRow(tx, recipeId);
    const command = row.fixCommand;
    if (command === null) throw new RecipeError(`the fix "${row.fix}" (${row.id}) carries no command to approve`);
    const current = commandSha(command);
    if (current !== sha) {
      throw new RecipeError(`the command of ${row.id} is not the one you quoted: its SHA-256 is now ${current}; read the command again before approving it`);
    }
    if (row.approvedCommand === command) throw new RecipeError(`this command of ${row.id} is already approved (by ${row.approvedBy ?? "a reviewer"}): already handled`);
    // guarded by the text approved: a learner run that changed the command meanwhile makes this refuse
    const done = await tx.errorPattern.updateMany({ where: { id: row.id, fixCommand: command }, data: { approvedCommand: command, approvedBy: actor, approvedAt: now } });
    if (done.count === 0) throw new RecipeError(`the command of ${row.id} changed while you approved it; read it again`);
    if (row.patternId) {
      const spec = selfHealSpecOfRow({ ...row, approvedCommand: command, approvedBy: actor, approvedAt: now });
      await tx.pattern.updateMany({ where: { id: row.patternId, kind: "self_heal" }, data: { spec, updatedAt: now } });
    }
    await audit(tx, {
      at: now, actor, action: "recipe.approve", target: { type: "fix", id: row.id }, reason: note ?? null,
      before: { approvedCommand: row.approvedCommand }, after: { approvedCommand: command },
      details: { fix: row.fix, commandSha256: current, patternId: row.patternId, autoApply: row.autoApply },
    });
    return { fixId: row.id, patternId: row.patternId, command, runs: row.autoApply };
  });
}
