"use server";
// Confirms a quarantine the detector proposed (aggressive mode off), from the registry page: a plain form
// post (works without JavaScript), the id in a hidden field; reviewers and admins; recorded as the
// signed-in person.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActionUser } from "../../auth/session";
import { getDb } from "../../db/client";
import { ConfirmQuarantineError, confirmQuarantine } from "../../mutations/confirm-quarantine";
import { InputError } from "../../schemas/parse-input";
import { plainFormData, textFields } from "../form-call";
import { errorHref, noticeHref } from "../notice";
import { unavailableOrThrow } from "../../db/unavailable";

const registryError = (message: string) => errorHref("/anti-patterns", message, { status: "proposed" });

export async function confirmQuarantineAction(form: FormData): Promise<void> {
  const fields = textFields(plainFormData(form), ["patternId", "reason"]);
  const user = await requireActionUser("reviewer");
  let target: string;
  try {
    await confirmQuarantine(getDb(), fields, user.email);
    revalidatePath("/", "layout");
    target = noticeHref("/anti-patterns", "quarantine-confirmed", fields.patternId!.trim());
  } catch (error) {
    if (error instanceof InputError) target = registryError(error.message);
    else if (error instanceof ConfirmQuarantineError) target = registryError(`Already handled: ${error.message}`);
    else target = registryError(unavailableOrThrow(error));
  }
  redirect(target);
}
