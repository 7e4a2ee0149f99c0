// The environment `patterns exec` reads: where to deliver (PATTERNS_URL, PATTERNS_TOKEN), the spool's
// folder and bounds, how long to keep retrying, and how long a recipe may run (--heal). Checked with zod before the command runs, one line
// per bad value naming the variable. A relative PATTERNS_SPOOL_DIR is read from the package root, as
// DATABASE_URL and PATTERNS_HOME are (lib/db/paths.ts), never from wherever a command was started.
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { packageRoot } from "../db/paths";
import { envSchema } from "../schemas/env";
import { RETRY, type RetryPolicy } from "./retry-policy";
import type { SpoolConfig } from "./spool";

export const EXEC_DEFAULTS = {
  spoolMaxEvents: 10_000,
  spoolMaxBytes: 100 * 1024 * 1024,
  retrySeconds: RETRY.giveUpAfterMs / 1000,
  recipeTimeoutSeconds: 300,
} as const;

/** The variables of `patterns exec`, with the same rules as everywhere else (lib/schemas/env.ts). */
const execEnvSchema = envSchema.pick({
  PATTERNS_URL: true,
  PATTERNS_TOKEN: true,
  PATTERNS_SPOOL_DIR: true,
  PATTERNS_SPOOL_MAX_EVENTS: true,
  PATTERNS_SPOOL_MAX_BYTES: true,
  PATTERNS_RETRY_SECONDS: true,
  PATTERNS_RECIPE_TIMEOUT_SECONDS: true,
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

export function execConfigFromEnv(env: Record<string, string | undefined> = process.env, root = packageRoot()): ExecConfig {
  const parsed = execEnvSchema.safeParse(Object.fromEntries(Object.keys(execEnvSchema.shape).map((k) => [k, env[k]])));
  if (!parsed.success) {
    throw new ExecConfigError(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join("; "));
  }
  const e = parsed.data;
  const count = (v: unknown) => (v === undefined ? undefined : Number(v));
  return {
    remote: e.PATTERNS_URL && e.PATTERNS_TOKEN ? { url: e.PATTERNS_URL, token: e.PATTERNS_TOKEN } : null,
    urlWithoutToken: Boolean(e.PATTERNS_URL && !e.PATTERNS_TOKEN),
    spool: {
      dir: e.PATTERNS_SPOOL_DIR ? resolve(root, e.PATTERNS_SPOOL_DIR) : join(homedir(), ".patterns", "spool"),
      maxEvents: count(e.PATTERNS_SPOOL_MAX_EVENTS) ?? EXEC_DEFAULTS.spoolMaxEvents,
      maxBytes: count(e.PATTERNS_SPOOL_MAX_BYTES) ?? EXEC_DEFAULTS.spoolMaxBytes,
    },
    retry: { ...RETRY, giveUpAfterMs: (count(e.PATTERNS_RETRY_SECONDS) ?? EXEC_DEFAULTS.retrySeconds) * 1000 },
    recipeTimeoutMs: (count(e.PATTERNS_RECIPE_TIMEOUT_SECONDS) ?? EXEC_DEFAULTS.recipeTimeoutSeconds) * 1000,
  };
}
