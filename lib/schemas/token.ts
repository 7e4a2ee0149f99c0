// API tokens: one set of rules for a token's name, scopes and expiry, for the CLI and the Settings page.
// An expiry is a duration from now (`30d`, `12h`, `2w`), a day (`2027-03-31`: the token works through that
// day, UTC) or an instant with its offset (`2027-03-31T18:00:00+02:00`); empty or `never` for none.
import { z } from "zod";
import { TOKEN_NAME } from "../auth/tokens";
import { DEFAULT_SCOPES, TOKEN_SCOPES, type TokenScope } from "../auth/token-scopes";

export const tokenNameSchema = z
  .string({ error: "give the token a name" })
  .trim()
  .min(1, "give the token a name")
  .max(64, "at most 64 characters")
  .regex(TOKEN_NAME, "use letters, digits, dot, dash or underscore, starting with a letter or digit");

const MAX_DAYS = 3650;
const DAY = 86_400_000;
const UNIT_MS = { h: 3_600_000, d: DAY, w: 7 * DAY } as const;

const scopeSchema = z.enum(TOKEN_SCOPES, { error: `a scope is one of ${TOKEN_SCOPES.join(", ")}` });

export const tokenScopesSchema = z
  .array(scopeSchema, { error: `give the scopes as a list of ${TOKEN_SCOPES.join(", ")}` })
  .min(1, "choose at least one scope (ingest, read or jobs)")
  .transform((scopes): TokenScope[] => TOKEN_SCOPES.filter((s) => scopes.includes(s)));

/** The instant an expiry text stands for, null for none; a message when it is not one (or not in the future). */
export function parseExpiry(text: string, now: Date): { at: Date | null } | { error: string } {
  const value = text.trim();
  if (value === "" || value.toLowerCase() === "never") return { at: null };
  let at: Date;
  const duration = /^(\d{1,6})\s*([hdw])$/i.exec(value);
  if (duration) {
    at = new Date(now.getTime() + Number(duration[1]) * UNIT_MS[duration[2]!.toLowerCase() as keyof typeof UNIT_MS]);
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = new Date(`${value}T00:00:00.000Z`);
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) return { error: `${value} is not a day of the calendar` };
    at = new Date(day.getTime() + DAY); // works through that day, UTC
  } else if (z.iso.datetime({ offset: true }).safeParse(value).success) {
    at = new Date(value);
  } else {
    return { error: "give a duration (30d, 12h, 2w), a day (YYYY-MM-DD) or an ISO date and time with its offset" };
  }
  if (at.getTime() <= now.getTime()) return { error: "that is not in the future" };
  if (at.getTime() > now.getTime() + MAX_DAYS * DAY) return { error: `at most ${MAX_DAYS} days (about 10 years) from now` };
  return { at };
}

export function createTokenSchema(now: Date) {
  return z.strictObject({
    name: tokenNameSchema,
    scopes: tokenScopesSchema.default([...DEFAULT_SCOPES]),
    expires: z
      .string({ error: "give the expiry as text, e.g. 30d or 2027-03-31" })
      .max(100, "at most 100 characters")
      .optional()
      .transform((text, ctx) => {
        const parsed = parseExpiry(text ?? "", now);
        if ("error" in parsed) {
          ctx.addIssue({ code: "custom", message: parsed.error });
          return z.NEVER;
        }
        return parsed.at;
      }),
  });
}

/** What the CLI and the form pass in: plain text, checked by createTokenSchema. */
export interface CreateTokenInput {
  name: string;
  scopes?: readonly string[];
  expires?: string;
}

export const revokeTokenSchema = z.strictObject({ name: z.string({ error: "which token: the form lost its name" }).trim().min(1).max(64) });
