"use server";
// Lifts a quarantine from the anti-pattern registry page: reviewers and admins; the signed-in person and
// the reason are recorded in the audit log. Used by the registry and by each pattern's page.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireActionUser } from "../../auth/session";
import { getDb } from "../../db/client";
import { LiftError, liftQuarantine } from "../../mutations/lift-quarantine";
import { liftQuarantineSchema } from "../../schemas/lift-quarantine";
import { formDataOf, textFields } from "../form-call";
import { noticeHref } from "../notice";
import { patternNoticeHref } from "../patterns/pattern-page-href";
import { unavailableOrThrow } from "../../db/unavailable";

export interface LiftState {
  message?: string;
  fieldErrors?: Partial<Record<"patternId" | "reason", string[]>>;
}

export async function liftQuarantineAction(previous: LiftState, form: FormData): Promise<LiftState> {
  const fields = textFields(formDataOf(previous, form), ["patternId", "reason", "from"]);
  const user = await requireActionUser("reviewer");
  const parsed = liftQuarantineSchema.safeParse(fields);
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const { patternId, reason } = parsed.data;
  try {
    await liftQuarantine(getDb(), patternId, { actor: user.email, reason });
  } catch (error) {
    if (error instanceof LiftError) return { message: `Already handled: ${error.message}` };
    return { message: unavailableOrThrow(error) };
  }
  revalidatePath("/anti-patterns");
  revalidatePath("/patterns");
  revalidatePath("/");
  // back to where the form was: the pattern's own page, or the registry (a closed list, never a URL)
  redirect(fields.from === "pattern" ? patternNoticeHref(patternId, "lifted") : noticeHref("/anti-patterns", "lifted", patternId));
}
