// The environment `patterns exec` reads: where to deliver (PATTERNS_URL, PATTERNS_TOKEN), the spool's
// folder and bounds, how long to keep retrying, and how long a recipe may run (--heal). Checked with zod before the command runs, one line
// per bad value naming the variable.
import { homedir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { RETRY, type RetryPolicy } from "./retry-policy";
import type { SpoolConfig } from "./spool";

export const EXEC_DEFAULTS = {
  spoolMaxEvents: 10_000,
  spoolMaxBytes: 100 * 1024 * 1024,
  retrySeconds: RETRY.giveUpAfterMs / 1000,
  recipeTimeoutSeconds: 300,
} as const;

const whole = (what: string, min: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { error: `must be a whole number of ${what}` })
    .transform(Number)
    .pipe(z.number().int().min(min, { error: `must be at least ${min}` }).max(Number.MAX_SAFE_INTEGER));

const envSchema = z.object({
  PATTERNS_URL: z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// address, e.g. https://patterns.example.com" })
    .optional(),
  PATTERNS_TOKEN: z.string().optional(),
  PATTERNS_SPOOL_DIR: z.string().min(1).optional(),
  PATTERNS_SPOOL_MAX_EVENTS: whole("events", 1).optional(),
  PATTERNS_SPOOL_MAX_BYTES: whole("bytes", 1024).optional(),
  PATTERNS_RETRY_SECONDS: whole("seconds", 0).optional(),
  PATTERNS_RECIPE_TIMEOUT_SECONDS: whole("seconds", 1).optional(),
});

export class ExecConfigError extends Error {
  override name = "ExecConfigError";
}

export interface ExecConfig {
  remote: { url: string; token: string } | null;
  /** PATTERNS_URL without PATTERNS_TOKEN: recorded locally, with a warning. */
  urlWithoutToken: boolean;
  spool: SpoolConfig;
  retry: RetryPolicy;
  /** A recipe run by --heal is stopped after this long. */
  recipeTimeoutMs: number;
}

export function execConfigFromEnv(env: Record<string, string | undefined> = process.env): ExecConfig {
  const blank = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v);
  const parsed = envSchema.safeParse(Object.fromEntries(Object.keys(envSchema.shape).map((k) => [k, blank(env[k])])));
  if (!parsed.success) {
    throw new ExecConfigError(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join("; "));
  }
  const e = parsed.data;
  return {
    remote: e.PATTERNS_URL && e.PATTERNS_TOKEN ? { url: e.PATTERNS_URL, token: e.PATTERNS_TOKEN } : null,
    urlWithoutToken: Boolean(e.PATTERNS_URL && !e.PATTERNS_TOKEN),
    spool: {
      dir: e.PATTERNS_SPOOL_DIR ?? join(homedir(), ".patterns", "spool"),
      maxEvents: e.PATTERNS_SPOOL_MAX_EVENTS ?? EXEC_DEFAULTS.spoolMaxEvents,
      maxBytes: e.PATTERNS_SPOOL_MAX_BYTES ?? EXEC_DEFAULTS.spoolMaxBytes,
    },
    retry: { ...RETRY, giveUpAfterMs: (e.PATTERNS_RETRY_SECONDS ?? EXEC_DEFAULTS.retrySeconds) * 1000 },
    recipeTimeoutMs: (e.PATTERNS_RECIPE_TIMEOUT_SECONDS ?? EXEC_DEFAULTS.recipeTimeoutSeconds) * 1000,
  };
}
