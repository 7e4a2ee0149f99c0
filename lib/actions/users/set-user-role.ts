"use server";
// An admin changes someone's role from the Users page; the same write as `patterns user set-role`.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActionUser } from "../../auth/session";
import { getDb } from "../../db/client";
import { InputError } from "../../schemas/parse-input";
import { setUserRole } from "../../mutations/set-user-role";
import { formDataOf, textFields } from "../form-call";
import { noticeHref } from "../notice";
import { unavailableOrThrow } from "../../db/unavailable";

export interface SetUserRoleState {
  message?: string;
}

export async function setUserRoleAction(previous: SetUserRoleState, form: FormData): Promise<SetUserRoleState> {
  const fields = textFields(formDataOf(previous, form), ["userId", "role"]);
  const admin = await requireActionUser("admin");
  let changed: { email: string };
  try {
    changed = await setUserRole(getDb(), { userId: fields.userId as string, role: fields.role as never }, admin.email);
  } catch (error) {
    if (error instanceof InputError) return { message: error.message };
    return { message: unavailableOrThrow(error) };
  }
  revalidatePath("/users");
  redirect(noticeHref("/users", "role-changed", changed.email));
}
