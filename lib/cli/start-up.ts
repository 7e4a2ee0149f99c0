// What the CLI does before it reads a command: know its checkout (so data/ and prisma/ are found from any
// folder), read the same .env files `next start` reads from there (the environment wins), and refuse bad
// environment variables with one line each, as the app does at its start. Every command does this, the
// light ones (`signature`) too: a bad setting is named wherever it is first met.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { packageRoot, setPackageRoot } from "../db/paths";

/**
 * The variables lib/schemas/env.ts checks (a test keeps the two lists equal). Named here so a start with
 * none of them set skips loading zod, which costs `patterns signature` as much as its whole small run.
 */
export const CHECKED_VARIABLES = [
  "DATABASE_URL", "PATTERNS_HOME", "PORT", "PATTERNS_LOG_LEVEL", "PATTERNS_SCHEDULER", "PATTERNS_CRON_SECRET", "PATTERNS_CLIENT_IP_HEADER",
  "PATTERNS_PUBLIC_URL", "BETTER_AUTH_URL", "BETTER_AUTH_SECRET", "PATTERNS_KEEP_ALIVE_SECONDS", "PATTERNS_TOKEN_RATE_LIMIT",
  "PATTERNS_TOKEN_FAILURE_LIMIT", "PATTERNS_URL", "PATTERNS_TOKEN", "PATTERNS_SPOOL_DIR", "PATTERNS_SPOOL_MAX_EVENTS",
  "PATTERNS_SPOOL_MAX_BYTES", "PATTERNS_RETRY_SECONDS", "PATTERNS_RECIPE_TIMEOUT_SECONDS", "PATTERNS_VERBOSE",
] as const;

/** Next.js's order for a production server: the first file that sets a variable wins, the environment over all. */
export const ENV_FILES = [".env.production.local", ".env.local", ".env.production", ".env"] as const;

export function loadEnvFiles(root = packageRoot()): string[] {
  const loaded: string[] = [];
  for (const name of ENV_FILES) {
    const file = join(root, name);
    if (!existsSync(file)) continue;
    process.loadEnvFile(file);
    loaded.push(file);
  }
  return loaded;
}

/** Lines to print and exit 1 on, or none. */
export async function prepareCli(root: string | undefined): Promise<string[]> {
  if (root) setPackageRoot(root);
  loadEnvFiles();
  if (!CHECKED_VARIABLES.some((name) => process.env[name]?.trim())) return []; // an empty value counts as unset
  const { envProblems } = await import("../schemas/env");
  return envProblems(process.env);
}

/**
 * What both entries (main.ts, light.ts) do first: prepare, or print one line per bad variable and exit 1
 * once stdout has drained. False: the process is ending, run nothing.
 */
export async function startCli(root: string | undefined): Promise<boolean> {
  const problems = await prepareCli(root);
  if (problems.length === 0) return true;
  for (const line of problems) process.stderr.write(`patterns: ${line}\n`);
  process.stdout.write("", () => process.exit(1));
  return false;
}
