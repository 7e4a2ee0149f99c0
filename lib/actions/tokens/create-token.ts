"use server";
// An admin creates an API token on the Settings page. The secret comes back in this action's answer only,
// to be shown once on the page that answers the post: it is never stored, put in a URL or shown again.
import { revalidatePath } from "next/cache";
import { requireActionUser } from "../../auth/session";
import { TokenError } from "../../auth/tokens";
import { getDb } from "../../db/client";
import { createToken } from "../../mutations/create-token";
import { InputError } from "../../schemas/parse-input";
import { formDataOf, textFields } from "../form-call";

export interface CreateTokenState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  name?: string;
  created?: { name: string; secret: string };
}

export async function createTokenAction(previous: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  const fields = textFields(formDataOf(previous, form), ["name"]);
  const admin = await requireActionUser("admin");
  try {
    const created = await createToken(getDb(), fields.name as string, admin.email);
    revalidatePath("/settings");
    return { created: { name: created.name, secret: created.secret } };
  } catch (error) {
    if (error instanceof InputError) return { message: error.message, fieldErrors: error.fieldErrors, name: fields.name };
    if (error instanceof TokenError) return { message: error.message, fieldErrors: { name: [error.message] }, name: fields.name };
    throw error;
  }
}
