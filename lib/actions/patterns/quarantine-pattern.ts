"use server";
// Quarantines a pattern by hand from its page: a plain form post (works without JavaScript), the id in a
// hidden field; reviewers and admins; recorded as the signed-in person with the reason given.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActionUser } from "../../auth/session";
import { getDb } from "../../db/client";
import { QuarantineError, quarantinePattern } from "../../mutations/quarantine-pattern";
import { InputError } from "../../schemas/parse-input";
import { plainFormData, textFields } from "../form-call";
import { patternErrorHref, patternNoticeHref } from "./pattern-page-href";
import { unavailableOrThrow } from "../../db/unavailable";

export async function quarantinePatternAction(form: FormData): Promise<void> {
  const fields = textFields(plainFormData(form), ["patternId", "reason"]);
  const user = await requireActionUser("reviewer");
  let target: string;
  try {
    await quarantinePattern(getDb(), fields, user.email);
    revalidatePath("/", "layout");
    target = patternNoticeHref(fields.patternId!.trim(), "quarantined");
  } catch (error) {
    if (error instanceof InputError) target = patternErrorHref(fields.patternId, error.message);
    else if (error instanceof QuarantineError) target = patternErrorHref(fields.patternId, `Already handled: ${error.message}`);
    else target = patternErrorHref(fields.patternId, unavailableOrThrow(error));
  }
  redirect(target);
}
