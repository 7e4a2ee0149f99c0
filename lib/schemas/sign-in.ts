// The sign-in form: which account, and where to go afterwards (a path on this site only).
import { z } from "zod";

export const signInSchema = z.object({
  email: z.string({ error: "give your email address" }).trim().min(1, { error: "give your email address" }).max(254),
  password: z.string({ error: "give your password" }).min(1, { error: "give your password" }).max(256),
  next: z.string().optional(),
});

/**
 * Where to go after signing in: a path on this site, never another site. The value is resolved the way a
 * browser would (`//evil.example`, `/\\evil`, `/<TAB>/evil.example` all name another host) and refused unless it
 * stays on the same origin; control characters and whitespace are refused outright.
 */
export function safeNext(next: string | undefined): string {
  if (!next || next.length > 2000 || !next.startsWith("/") || /[\u0000-\u001f\u007f\s\\]/.test(next)) return "/";
  const base = "http://same.invalid";
  const url = new URL(next, base);
  if (url.origin !== base) return "/";
  return url.pathname + url.search + url.hash;
}
