"use server";
// Approves the exact command a learned fix carries, from the Fixes page or the self-heal pattern's page: a
// plain form post (works without JavaScript) with the fix id and the SHA-256 of the command shown on the
// page in hidden fields; reviewers and admins; recorded as the signed-in person.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActionUser } from "../../auth/session";
import { getDb } from "../../db/client";
import { approveRecipe } from "../../mutations/approve-recipe";
import { RecipeError } from "../../mutations/recipe-row";
import { InputError } from "../../schemas/parse-input";
import { plainFormData, textFields } from "../form-call";
import { recipeErrorHref, recipeNoticeHref } from "./recipe-page-href";
import { unavailableOrThrow } from "../../db/unavailable";

export async function approveRecipeAction(form: FormData): Promise<void> {
  const fields = textFields(plainFormData(form), ["recipeId", "commandSha", "note", "from", "patternId"]);
  const user = await requireActionUser("reviewer");
  let target: string;
  try {
    const done = await approveRecipe(getDb(), { recipeId: fields.recipeId, commandSha: fields.commandSha, note: fields.note }, user.email);
    revalidatePath("/", "layout");
    target = recipeNoticeHref(fields, done.runs ? "recipe-approved" : "recipe-approved-waiting", done.fixId);
  } catch (error) {
    if (error instanceof InputError || error instanceof RecipeError) target = recipeErrorHref(fields, error.message);
    else target = recipeErrorHref(fields, unavailableOrThrow(error));
  }
  redirect(target);
}
