"use server";
// An admin adds a person from the Users page; the same write as `patterns user create`.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActionUser } from "../../auth/session";
import { getDb } from "../../db/client";
import { InputError } from "../../schemas/parse-input";
import { createUser } from "../../mutations/create-user";
import { formDataOf, textFields } from "../form-call";
import { noticeHref } from "../notice";
import { unavailableOrThrow } from "../../db/unavailable";

export interface CreateUserState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: { email?: string; name?: string; role?: string };
}

export async function createUserAction(previous: CreateUserState, form: FormData): Promise<CreateUserState> {
  const fields = textFields(formDataOf(previous, form), ["email", "name", "role", "password"]);
  const admin = await requireActionUser("admin");
  const values = { email: fields.email, name: fields.name, role: fields.role };
  let email: string;
  try {
    ({ email } = await createUser(getDb(), { email: fields.email as string, name: fields.name || undefined, role: fields.role as never, password: fields.password as string }, admin.email));
  } catch (error) {
    if (error instanceof InputError) return { message: error.message, fieldErrors: error.fieldErrors, values };
    return { message: unavailableOrThrow(error), values };
  }
  revalidatePath("/users");
  redirect(noticeHref("/users", "user-created", email));
}
