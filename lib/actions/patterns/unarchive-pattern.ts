"use server";
// Restores an archived pattern from the Patterns page. A plain form post (works without JavaScript):
// the pattern id travels in a hidden field and is validated like the others; the outcome comes back
// in the URL the action redirects to. Reviewers and admins; recorded as the signed-in person.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActionUser } from "../../auth/session";
import { getDb } from "../../db/client";
import { UnarchiveError, unarchivePattern } from "../../mutations/unarchive-pattern";
import { unarchivePatternSchema } from "../../schemas/unarchive-pattern";
import { plainFormData, textFields } from "../form-call";
import { unavailableOrThrow } from "../../db/unavailable";

const back = (params: Record<string, string>) => `/patterns?${new URLSearchParams({ status: "archived", ...params })}`;

export async function unarchivePatternAction(form: FormData): Promise<void> {
  const fields = textFields(plainFormData(form), ["patternId", "reason"]);
  const user = await requireActionUser("reviewer");
  const parsed = unarchivePatternSchema.safeParse(fields);
  let target: string;
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    target = back({ error: `${issue.path.join(".")}: ${issue.message}` });
  } else {
    try {
      await unarchivePattern(getDb(), parsed.data, user.email);
      revalidatePath("/patterns");
      revalidatePath("/");
      target = back({ restored: parsed.data.patternId });
    } catch (error) {
      target = back({ error: error instanceof UnarchiveError ? `Already handled: ${error.message}` : unavailableOrThrow(error) });
    }
  }
  redirect(target);
}
