// Where a database stands against this code's migrations, without changing it: what `patterns db info`
// prints, what `GET /api/ready` checks and what `patterns db restore` vets a backup with.
import type { DatabaseConfig, Dialect } from "./config";
import { checkHistory, MigrationHistoryError, readAppliedMigrations, readLocalMigrations, type AppliedRow, type LocalMigration } from "./migrate";
import { packageRoot } from "./paths";

export interface MigrationState {
  /** every migration of this code is applied and nothing unknown or edited is */
  current: boolean;
  applied: string[];
  pending: string[];
  /** the newest migration applied, null for an empty database */
  latest: string | null;
  /** the database is ahead of this code, or an applied migration was edited or did not finish */
  problem: string | null;
}

/** Pure: compares the migration folders with the rows of `_prisma_migrations`. */
export function compareMigrations(dialect: Dialect, local: LocalMigration[], rows: AppliedRow[]): MigrationState {
  let problem: string | null = null;
  try {
    checkHistory(dialect, local, rows);
  } catch (error) {
    if (!(error instanceof MigrationHistoryError)) throw error;
    problem = error.message;
  }
  const applied = rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name);
  const done = new Set(applied);
  const pending = local.filter((m) => !done.has(m.name)).map((m) => m.name);
  return { current: problem === null && pending.length === 0, applied, pending, latest: applied.at(-1) ?? null, problem };
}

// The folders do not change while a process runs; hashing them on every readiness probe would be waste.
const localCache = new Map<string, LocalMigration[]>();

function localMigrations(dialect: Dialect, root: string): LocalMigration[] {
  const key = `${dialect}:${root}`;
  let local = localCache.get(key);
  if (!local) localCache.set(key, (local = readLocalMigrations(dialect, root)));
  return local;
}

/** null when the SQLite file does not exist yet (it is created on first use). */
export async function readMigrationState(config: DatabaseConfig, opts: { timeoutMs?: number; root?: string } = {}): Promise<MigrationState | null> {
  const rows = await readAppliedMigrations(config, { create: false, timeoutMs: opts.timeoutMs ?? 5000 });
  if (rows === null) return null;
  return compareMigrations(config.dialect, localMigrations(config.dialect, opts.root ?? packageRoot()), rows);
}
