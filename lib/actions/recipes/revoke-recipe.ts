"use server";
// Withdraws a recipe's approval from the Fixes page or the self-heal pattern's page: a plain form post
// with the fix id in a hidden field and the reason given; reviewers and admins; recorded.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActionUser } from "../../auth/session";
import { getDb } from "../../db/client";
import { RecipeError } from "../../mutations/recipe-row";
import { revokeRecipe } from "../../mutations/revoke-recipe";
import { InputError } from "../../schemas/parse-input";
import { plainFormData, textFields } from "../form-call";
import { recipeErrorHref, recipeNoticeHref } from "./recipe-page-href";
import { unavailableOrThrow } from "../../db/unavailable";

export async function revokeRecipeAction(form: FormData): Promise<void> {
  const fields = textFields(plainFormData(form), ["recipeId", "reason", "from", "patternId"]);
  const user = await requireActionUser("reviewer");
  let target: string;
  try {
    const done = await revokeRecipe(getDb(), { recipeId: fields.recipeId, reason: fields.reason }, user.email);
    revalidatePath("/", "layout");
    target = recipeNoticeHref(fields, "recipe-revoked", done.fixId);
  } catch (error) {
    if (error instanceof InputError || error instanceof RecipeError) target = recipeErrorHref(fields, error.message);
    else target = recipeErrorHref(fields, unavailableOrThrow(error));
  }
  redirect(target);
}
