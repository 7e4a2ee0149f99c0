"use server";
// An admin revokes an API token on the Settings page; the API refuses it from then on.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActionUser } from "../../auth/session";
import { TokenError } from "../../auth/tokens";
import { getDb } from "../../db/client";
import { revokeToken } from "../../mutations/revoke-token";
import { InputError } from "../../schemas/parse-input";
import { formDataOf, textFields } from "../form-call";
import { noticeHref } from "../notice";
import { unavailableOrThrow } from "../../db/unavailable";

export interface RevokeTokenState {
  message?: string;
}

export async function revokeTokenAction(previous: RevokeTokenState, form: FormData): Promise<RevokeTokenState> {
  const fields = textFields(formDataOf(previous, form), ["name"]);
  const admin = await requireActionUser("admin");
  try {
    await revokeToken(getDb(), fields.name as string, admin.email);
  } catch (error) {
    if (error instanceof InputError || error instanceof TokenError) return { message: error.message };
    return { message: unavailableOrThrow(error) };
  }
  revalidatePath("/settings");
  redirect(`${noticeHref("/settings", "token-revoked", fields.name as string)}#tokens`);
}
