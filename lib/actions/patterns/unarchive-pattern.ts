"use server";
// Restores an archived pattern from the Patterns page. A plain form post (works without JavaScript):
// the pattern id travels in a hidden field and is validated like the others; the outcome comes back
// in the URL the action redirects to. Until sign-in lands, the person names themselves in the form.
// role: admin once sign-in lands
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "../../db/client";
import { UnarchiveError, unarchivePattern } from "../../retention/unarchive-pattern";
import { unarchivePatternSchema } from "../../schemas/unarchive-pattern";

const back = (params: Record<string, string>) => `/patterns?${new URLSearchParams({ status: "archived", ...params })}`;

export async function unarchivePatternAction(form: FormData): Promise<void> {
  const parsed = unarchivePatternSchema.safeParse({ patternId: form.get("patternId"), by: form.get("by"), reason: form.get("reason") });
  let target: string;
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    target = back({ error: `${issue.path.join(".")}: ${issue.message}` });
  } else {
    try {
      await unarchivePattern(getDb(), parsed.data);
      revalidatePath("/patterns");
      revalidatePath("/");
      target = back({ restored: parsed.data.patternId });
    } catch (error) {
      if (!(error instanceof UnarchiveError)) throw error;
      target = back({ error: `Already handled: ${error.message}` });
    }
  }
  redirect(target);
}
