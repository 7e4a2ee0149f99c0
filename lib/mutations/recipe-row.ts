// How a recipe decision finds its fix: by the learned fix's id (fix_…, the Fixes page) or by the id of the
// self-healing pattern made from it (heal-…, the pattern page and `patterns list`).
import type { Prisma } from "../db/client";

export class RecipeError extends Error {
  override name = "RecipeError";
}

export async function findRecipeRow(tx: Prisma.TransactionClient, recipeId: string) {
  const row =
    (await tx.errorPattern.findUnique({ where: { id: recipeId } })) ??
    (await tx.errorPattern.findFirst({ where: { patternId: recipeId }, orderBy: { id: "asc" } }));
  if (!row) throw new RecipeError(`no learned fix or self-healing pattern "${recipeId}"`);
  return row;
}
