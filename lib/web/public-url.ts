// The address people use to reach the dashboard, when the server cannot see it itself: behind a reverse
// proxy that rewrites the Host header, or served over https by a proxy in front of plain-http `npm start`.
// PATTERNS_PUBLIC_URL names it; BETTER_AUTH_URL (sign-in's own setting) counts too, so one is enough.
// Forms posted from these origins are accepted (lib/web/origin-check.ts); an https one turns on HSTS.
import { z } from "zod";

export const publicUrlSchema = z
  .url({ protocol: /^https?$/, error: "give the address people use, e.g. https://patterns.example.com" })
  .transform((value) => new URL(value).origin);

/** The configured public origins (at most two), each as `scheme://host[:port]`; a bad value is named. */
export function publicOrigins(env: Record<string, string | undefined> = process.env): string[] {
  const origins: string[] = [];
  for (const name of ["PATTERNS_PUBLIC_URL", "BETTER_AUTH_URL"] as const) {
    const value = env[name]?.trim();
    if (!value) continue;
    const parsed = publicUrlSchema.safeParse(value);
    if (!parsed.success) throw new Error(`${name}: ${parsed.error.issues[0]!.message} (got ${JSON.stringify(value.slice(0, 100))})`);
    if (!origins.includes(parsed.data)) origins.push(parsed.data);
  }
  return origins;
}

/** Whether the app is known to be reached over https (a public origin says so). */
export function servedOverHttps(env: Record<string, string | undefined> = process.env): boolean {
  return publicOrigins(env).some((o) => o.startsWith("https://"));
}
