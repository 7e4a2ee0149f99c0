"use server";
// Signs out: better-auth ends the session in the database and clears its cookie (nextCookies passes the
// cleared cookie on); then the sign-in page.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "../../auth/auth";
import { getDb } from "../../db/client";

export async function signOutAction(): Promise<void> {
  const auth = await getAuth(getDb());
  await auth.api.signOut({ headers: await headers() }).catch(() => undefined); // no session: nothing to end
  redirect("/sign-in");
}
