// Who is asking, on the server: pages, server actions and route handlers all ask here, never only the proxy.
// Roles are ranked: a reviewer may do what a viewer may, an admin what a reviewer may.
import { headers } from "next/headers";
import { cache } from "react";
import { forbidden, redirect, unauthorized } from "next/navigation";
import { getDb } from "../db/client";
import type { Role } from "../schemas/user";
import { getAuth } from "./auth";

const RANK: Record<Role, number> = { viewer: 1, reviewer: 2, admin: 3 };

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export function hasRole(user: { role: string } | null, needed: Role): boolean {
  return !!user && (RANK[user.role as Role] ?? 0) >= RANK[needed];
}

/** The signed-in person of a request's headers (route handlers pass theirs). */
export async function userFromHeaders(source: Headers): Promise<SignedInUser | null> {
  const auth = await getAuth(getDb());
  const session = await auth.api.getSession({ headers: source });
  if (!session) return null;
  const { id, email, name, role } = session.user as typeof session.user & { role?: string };
  return { id, email, name, role: (role && role in RANK ? role : "viewer") as Role };
}

/** The signed-in person of this render or action, looked up once per request however many ask. */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  // headers first: it marks the render dynamic before anything touches the database (also at build time)
  return userFromHeaders(await headers());
});

/** For pages: not signed in → the sign-in page (coming back here after); signed in without the role → 403. */
export async function requirePageUser(needed: Role = "viewer", returnTo = "/"): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  if (!hasRole(user, needed)) forbidden();
  return user;
}

/** For route handlers serving people (not machines): the user, or the 401/403 answer to return instead. */
export async function routeUser(request: Request, needed: Role): Promise<SignedInUser | Response> {
  const user = await userFromHeaders(request.headers);
  if (!user) return Response.json({ error: { code: "unauthorized", message: "sign in first" } }, { status: 401 });
  if (!hasRole(user, needed)) return Response.json({ error: { code: "forbidden", message: `this needs the ${needed} role` } }, { status: 403 });
  return user;
}

/**
 * For server actions: nothing runs without the role. Called from JavaScript (a fetch carrying `Next-Action`):
 * 401 when not signed in, 403 without the role. Posted by a plain form: Next.js would answer either as a
 * 404 page, so the browser is sent (303) to the sign-in page, or to /not-allowed, which answers 403.
 */
export async function requireActionUser(needed: Role): Promise<SignedInUser> {
  const user = await currentUser();
  const fromScript = (await headers()).has("next-action");
  if (!user) {
    if (fromScript) unauthorized();
    redirect("/sign-in");
  }
  if (!hasRole(user, needed)) {
    if (fromScript) forbidden();
    redirect(`/not-allowed?needs=${needed}`);
  }
  return user;
}
