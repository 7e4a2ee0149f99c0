// What the CLI does before it reads a command: know its checkout (so data/ and prisma/ are found from any
// folder), read the same .env files `next start` reads from there (the environment wins), and refuse bad
// environment variables with one line each, as the app does at its start.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { packageRoot, setPackageRoot } from "../db/paths";
import { envProblems } from "../schemas/env";

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
export function prepareCli(root: string | undefined): string[] {
  if (root) setPackageRoot(root);
  loadEnvFiles();
  return envProblems(process.env);
}
