// Whether this process can serve: the database answers and its migrations are exactly this code's. Bounded
// in time (a probe must not hang on a lost database), read on its own short connection (a SQLite write lock
// or a busy pool does not hold it up), and every "no" says why in one line.
import { DatabaseConfigError, type DatabaseConfig } from "./config";
import { readMigrationState } from "./migration-state";

export type Readiness =
  | { ready: true; provider: DatabaseConfig["dialect"]; migration: string | null }
  /** `answered`: the database answered (its migrations are not this code's); else it could not be read at all */
  | { ready: false; reason: string; answered: boolean };

export async function checkReadiness(config: DatabaseConfig, timeoutMs = 1500): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Readiness>((resolve) => {
    timer = setTimeout(() => resolve({ ready: false, reason: `the database did not answer within ${timeoutMs} ms`, answered: false }), timeoutMs);
  });
  const check = (async (): Promise<Readiness> => {
    try {
      const state = await readMigrationState(config, { timeoutMs });
      if (!state) return { ready: false, reason: "the database file does not exist yet; run `patterns db migrate` (npm start does)", answered: false };
      if (state.problem) return { ready: false, reason: state.problem, answered: true };
      if (state.pending.length) return { ready: false, reason: `${state.pending.length} migration(s) not applied (${state.pending.join(", ")}); run \`patterns db migrate\``, answered: true };
      return { ready: true, provider: config.dialect, migration: state.latest };
    } catch (error) {
      if (error instanceof DatabaseConfigError) return { ready: false, reason: error.message, answered: false };
      return { ready: false, reason: `the database failed: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`, answered: false };
    }
  })();
  try {
    return await Promise.race([check, late]);
  } finally {
    clearTimeout(timer);
  }
}
