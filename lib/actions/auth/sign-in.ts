"use server";
// Signs in from the sign-in page, with or without JavaScript. The request goes through better-auth's own
// handler (not a direct API call), so its rate limit applies as to POST /api/auth/sign-in/email; the
// origin is checked before, by proxy.ts, as for every server action (the route runs the same check itself).
// The session cookie it sets is passed on to the browser; a database that cannot answer is said in the form.
import { parseSetCookieHeader, toCookieOptions } from "better-auth/cookies";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getAuth } from "../../auth/auth";
import { clientIpHeaders } from "../../auth/client-ip";
import { getDb } from "../../db/client";
import { classifyDatabaseError } from "../../db/unavailable";
import { safeNext, signInSchema } from "../../schemas/sign-in";
import { formDataOf, textFields } from "../form-call";

export interface SignInState {
  message?: string;
  fieldErrors?: Partial<Record<"email" | "password", string[]>>;
  email?: string;
}

export async function signInAction(previous: SignInState, form: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse(textFields(formDataOf(previous, form), ["email", "password", "next"]));
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const { email, password, next } = parsed.data;
  const incoming = await headers();
  const host = incoming.get("host") ?? "localhost";
  const proto = incoming.get("x-forwarded-proto") ?? "http";
  const forwarded = new Headers({ "content-type": "application/json", origin: incoming.get("origin") ?? `${proto}://${host}`, host });
  // the client's address only from the header a trusted proxy sets (lib/auth/auth.ts)
  for (const name of ["user-agent", "cookie", ...clientIpHeaders()]) {
    const value = incoming.get(name);
    if (value) forwarded.set(name, value);
  }
  const auth = await getAuth(getDb());
  let response: Response;
  try {
    response = await auth.handler(new Request(`${proto}://${host}/api/auth/sign-in/email`, { method: "POST", headers: forwarded, body: JSON.stringify({ email, password }) }));
  } catch (error) {
    // better-auth throws what fails inside it (lib/auth/auth.ts onAPIError)
    const passing = classifyDatabaseError(error);
    if (passing) return { email, message: `Sign-in failed: ${passing.message}.` };
    throw error;
  }
  if (response.status === 429) {
    const wait = response.headers.get("x-retry-after") ?? response.headers.get("retry-after");
    return { email, message: `Too many sign-in attempts. Try again in ${wait ?? "a few"} seconds.` };
  }
  if (!response.ok) return { email, message: response.status === 401 ? "Wrong email or password." : `Sign-in failed (${response.status}).` };
  const jar = await cookies();
  for (const [name, attributes] of parseSetCookieHeader(response.headers.get("set-cookie") ?? "")) {
    jar.set(name, attributes.value, toCookieOptions(attributes));
  }
  redirect(safeNext(next));
}
