// Every environment variable the app and the CLI read, checked once at start (instrumentation.ts, the CLI
// entry): a bad value stops the process with one line per variable naming it, instead of surfacing later as
// a confusing failure. An empty value counts as unset. `.env.example` lists the same variables.
import { z } from "zod";
import { DatabaseConfigError, parseDatabaseUrl } from "../db/config";

const unsetIfEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const path = z.string().refine((v) => !v.includes("\0"), "a path cannot contain a NUL character");

const httpUrl = (example: string) =>
  z.string().refine((v) => {
    try {
      const url = new URL(v);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, `not an http(s) URL (expected e.g. ${example})`);

/**
 * PATTERNS_URL, the server `patterns exec` records to. Its path is the server's base path (a proxy serving the
 * app under /patterns); a user name or password is refused, as fetch would refuse it at every delivery (the
 * token goes in PATTERNS_TOKEN), and so is a query or fragment, which no request could keep.
 */
const serverUrl = (example: string) =>
  httpUrl(example).superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return; // httpUrl said so
    }
    if (url.username || url.password) {
      ctx.addIssue({ code: "custom", message: "must not hold a user name or password (the URL is not shown here; give the token in PATTERNS_TOKEN)" });
    } else if (url.search || url.hash) {
      ctx.addIssue({ code: "custom", message: `must not hold a query or fragment (a path is kept as the server's base path, e.g. ${example}/patterns)` });
    }
  });

const wholeNumber = (what: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `must be a whole number of ${what}`)
    .refine((v) => Number(v) >= min, `must be at least ${min}`)
    .refine((v) => Number(v) <= max, `must be at most ${max}`);

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export const envSchema = z.object({
  DATABASE_URL: unsetIfEmpty(
    z.string().superRefine((value, ctx) => {
      try {
        parseDatabaseUrl(value);
      } catch (error) {
        if (!(error instanceof DatabaseConfigError)) throw error;
        ctx.addIssue({ code: "custom", message: error.message.replace(/^DATABASE_URL: /, "") });
      }
    }),
  ),
  PATTERNS_HOME: unsetIfEmpty(path),
  PORT: unsetIfEmpty(z.string().regex(/^\d{1,5}$/, "not a port number").refine((v) => Number(v) >= 1 && Number(v) <= 65535, "a port is from 1 to 65535")),
  PATTERNS_LOG_LEVEL: unsetIfEmpty(z.enum(LOG_LEVELS, { error: `one of ${LOG_LEVELS.join(", ")}` })),
  PATTERNS_SCHEDULER: unsetIfEmpty(z.string().regex(/^(on|off)$/i, "on or off")),
  PATTERNS_CRON_SECRET: unsetIfEmpty(z.string().min(16, "at least 16 characters (a short secret could be guessed)").regex(/^\S+$/, "no spaces (it is sent as a bearer token)")),
  PATTERNS_CLIENT_IP_HEADER: unsetIfEmpty(z.string().regex(/^[A-Za-z0-9-]{1,100}$/, "a header name, e.g. x-real-ip")),
  PATTERNS_PUBLIC_URL: unsetIfEmpty(httpUrl("https://patterns.example.com")),
  BETTER_AUTH_URL: unsetIfEmpty(httpUrl("https://patterns.example.com")),
  BETTER_AUTH_SECRET: unsetIfEmpty(z.string().min(32, "at least 32 characters (e.g. openssl rand -base64 32)")),
  PATTERNS_KEEP_ALIVE_SECONDS: unsetIfEmpty(wholeNumber("seconds", 1, 3600)),
  PATTERNS_TOKEN_RATE_LIMIT: unsetIfEmpty(wholeNumber("requests a second", 0)),
  PATTERNS_TOKEN_FAILURE_LIMIT: unsetIfEmpty(wholeNumber("failures a minute", 1)),
  PATTERNS_URL: unsetIfEmpty(serverUrl("http://localhost:3000")),
  PATTERNS_TOKEN: unsetIfEmpty(z.string().regex(/^\S{1,200}$/, "a token has no spaces and at most 200 characters")),
  PATTERNS_SPOOL_DIR: unsetIfEmpty(path),
  PATTERNS_SPOOL_MAX_EVENTS: unsetIfEmpty(wholeNumber("events", 1)),
  PATTERNS_SPOOL_MAX_BYTES: unsetIfEmpty(wholeNumber("bytes", 1024)),
  PATTERNS_RETRY_SECONDS: unsetIfEmpty(wholeNumber("seconds", 0)),
  // a day at most: a timer past 2^31 ms fires at once, which would stop every recipe as it starts
  PATTERNS_RECIPE_TIMEOUT_SECONDS: unsetIfEmpty(wholeNumber("seconds", 1, 86_400)),
  PATTERNS_VERBOSE: unsetIfEmpty(z.string()),
});

export type Env = z.infer<typeof envSchema>;

/** One line per bad variable, `NAME: reason` (the value itself is never echoed: it may be a secret). */
export function envProblems(env: NodeJS.ProcessEnv = process.env): string[] {
  const parsed = envSchema.safeParse(env);
  if (parsed.success) return [];
  const byName = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? "environment");
    if (!byName.has(name)) byName.set(name, `${name}: ${issue.message}`);
  }
  return [...byName.values()];
}
