"use server";
// An admin saves one setting from the Settings page, after its preview; the same write as
// `patterns settings set`. A refused value comes back as state, beside the field it belongs to.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActionUser } from "../../auth/session";
import { getDb } from "../../db/client";
import { updateSetting } from "../../mutations/update-setting";
import { InputError } from "../../schemas/parse-input";
import { settingChangeSchema } from "../../schemas/settings";
import { formDataOf, textFields } from "../form-call";
import { noticeHref } from "../notice";
import { unavailableOrThrow } from "../../db/unavailable";

export interface UpdateSettingState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
}

export async function updateSettingAction(previous: UpdateSettingState, form: FormData): Promise<UpdateSettingState> {
  const fields = textFields(formDataOf(previous, form), ["key", "value", "reason"]);
  const shape = settingChangeSchema.safeParse({ key: fields.key, value: fields.value, reason: fields.reason });
  const admin = await requireActionUser("admin");
  if (!shape.success) return { message: shape.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "), fieldErrors: {} };
  const { key, value, reason } = shape.data;
  try {
    await updateSetting(getDb(), key, value, admin.email, reason);
  } catch (error) {
    if (error instanceof InputError) return { message: error.message, fieldErrors: error.fieldErrors };
    return { message: unavailableOrThrow(error) };
  }
  revalidatePath("/settings");
  redirect(noticeHref("/settings", "setting-saved", key));
}
