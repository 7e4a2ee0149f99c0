// Where the code and the data live, so the app and the CLI agree on one database wherever the CLI is
// started. The package root holds prisma/ (the CLI entry registers its own checkout; the Next.js server
// runs from the root). The data home holds the embedded database: PATTERNS_HOME, or data/ in the root.
import { isAbsolute, join, resolve } from "node:path";

let registeredRoot: string | undefined;

/** Called once by the CLI entry (bin/patterns.mjs knows where its checkout is). */
export function setPackageRoot(root: string): void {
  registeredRoot = resolve(root);
}

/** The checkout: prisma/ and the default data/ folder sit here, whatever the working directory. */
export function packageRoot(): string {
  return registeredRoot ?? process.cwd();
}

/** The folder that holds the app's data (PATTERNS_HOME, a relative one read from the package root). */
export function dataHome(env: NodeJS.ProcessEnv = process.env, root = packageRoot()): string {
  const home = env.PATTERNS_HOME?.trim();
  if (!home) return join(root, "data");
  return isAbsolute(home) ? home : resolve(root, home);
}

/** The embedded database when DATABASE_URL is not set. */
export function defaultSqliteFile(env: NodeJS.ProcessEnv = process.env, root = packageRoot()): string {
  return join(dataHome(env, root), "patterns.db");
}
