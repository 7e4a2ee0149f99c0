// The sign-in form: which account, and where to go afterwards (a path on this site only).
import { z } from "zod";

export const signInSchema = z.object({
  email: z.string({ error: "give your email address" }).trim().min(1, { error: "give your email address" }).max(254),
  password: z.string({ error: "give your password" }).min(1, { error: "give your password" }).max(256),
  next: z.string().optional(),
});

/** Where to go after signing in: a local path, never another site (`//evil.example`, `/\evil`, `https:`). */
export function safeNext(next: string | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.length > 2000) return "/";
  return next;
}
