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
import { unavailableOrThrow } from "../../db/unavailable";

export interface CreateTokenState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** what was sent, to fill the form again after a refusal */
  name?: string;
  scopes?: string[];
  expires?: string;
  created?: { name: string; secret: string; scopes: string[]; expiresAt: string | null };
}

export async function createTokenAction(previous: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  const data = formDataOf(previous, form);
  const fields = textFields(data, ["name", "expires"]);
  // one checkbox per scope: each ticked one posts scope=<its value>
  const scopes = data.getAll("scope").filter((v): v is string => typeof v === "string");
  const admin = await requireActionUser("admin");
  const sent = { name: fields.name, scopes, expires: fields.expires };
  try {
    const created = await createToken(getDb(), { name: fields.name as string, scopes, expires: fields.expires }, admin.email);
    revalidatePath("/settings");
    return { created: { name: created.name, secret: created.secret, scopes: created.scopes, expiresAt: created.expiresAt?.toISOString() ?? null } };
  } catch (error) {
    if (error instanceof InputError) return { message: error.message, fieldErrors: error.fieldErrors, ...sent };
    if (error instanceof TokenError) return { message: error.message, fieldErrors: { name: [error.message] }, ...sent };
    return { message: unavailableOrThrow(error), ...sent };
  }
}
