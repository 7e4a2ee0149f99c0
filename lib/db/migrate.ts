// Applies the real Prisma migrations under prisma/migrations/<dialect>/ through the WebAssembly schema
// engine, after refusing databases whose history is ahead of the code or whose applied migrations
// were edited since. Used at start-up, by `npm run db:migrate` and by the test suites.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describeConnectionError, ensureSqliteDir, type DatabaseConfig, type Dialect } from "./config";
import { packageRoot } from "./paths";
import { openSchemaEngine } from "./schema-engine";

export interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationHistoryError extends Error {
  override name = "MigrationHistoryError";
}

export function migrationsDir(dialect: Dialect, root = packageRoot()): string {
  return join(root, "prisma", "migrations", dialect);
}

export function schemaFile(dialect: Dialect, root = packageRoot()): string {
  return dialect === "sqlite" ? join(root, "prisma", "schema.prisma") : join(root, "prisma", "postgresql", "schema.prisma");
}

export function readLocalMigrations(dialect: Dialect, root = packageRoot()): LocalMigration[] {
  const dir = migrationsDir(dialect, root);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export function migrationsList(dialect: Dialect, migrations: LocalMigration[], root = packageRoot()) {
  const baseDir = migrationsDir(dialect, root);
  const lockPath = join(baseDir, "migration_lock.toml");
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: migrations.map((m) => ({
      path: m.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: m.sql } },
    })),
  };
}

export const NO_FILTERS = { externalTables: [] as string[], externalEnums: [] as string[] };

export interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

export interface ReadAppliedOptions {
  /** false: a SQLite file that does not exist yet is reported as null instead of being created */
  create?: boolean;
  /** how long to wait for a connection or a lock (ms) */
  timeoutMs?: number;
}

/** The database's `_prisma_migrations` rows ([] when it has none yet); null: SQLite file absent and create false. */
export async function readAppliedMigrations(config: DatabaseConfig, opts: ReadAppliedOptions = {}): Promise<AppliedRow[] | null> {
  const { create = true, timeoutMs = 5000 } = opts;
  const query = "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at";
  if (config.dialect === "sqlite") {
    if (!create && !existsSync(config.file)) return null;
    if (create) ensureSqliteDir(config.file);
    let db: Database.Database;
    try {
      db = new Database(config.file, { timeout: timeoutMs, readonly: !create, fileMustExist: !create });
    } catch (error) {
      throw describeConnectionError(config, error);
    }
    try {
      const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
      return exists ? (db.prepare(query).all() as AppliedRow[]) : [];
    } catch (error) {
      throw describeConnectionError(config, error);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ ...config.connection, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  client.on("error", () => {}); // a connection cut while we wait surfaces through the query's rejection
  try {
    await client.connect();
  } catch (error) {
    throw describeConnectionError(config, error);
  }
  try {
    const exists = await client.query("SELECT to_regclass($1) AS t", [`"${config.schema}"._prisma_migrations`]);
    if (!exists.rows[0]?.t) return [];
    return (await client.query(query.replace("_prisma_migrations", `"${config.schema}"._prisma_migrations`))).rows as AppliedRow[];
  } catch (error) {
    throw describeConnectionError(config, error);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Refuses a history this code cannot vouch for; names the migration. */
export function checkHistory(dialect: Dialect, local: LocalMigration[], applied: AppliedRow[]): void {
  const byName = new Map(local.map((m) => [m.name, m]));
  for (const row of applied) {
    if (row.rolled_back_at) continue;
    const mine = byName.get(row.migration_name);
    if (!mine) {
      throw new MigrationHistoryError(
        `the database has migration "${row.migration_name}" applied, which is not in prisma/migrations/${dialect}: it is ahead of this code (upgrade the code, or use another database)`,
      );
    }
    if (mine.checksum !== row.checksum) {
      throw new MigrationHistoryError(
        `migration "${row.migration_name}" was edited after it was applied to this database (checksum differs); restore the original file and add a new migration instead`,
      );
    }
    if (!row.finished_at) {
      throw new MigrationHistoryError(`migration "${row.migration_name}" started but did not finish on this database; repair it by hand before starting`);
    }
  }
}

export interface MigrateResult {
  applied: string[];
  dialect: Dialect;
}

export async function migrate(config: DatabaseConfig, root = packageRoot()): Promise<MigrateResult> {
  const local = readLocalMigrations(config.dialect, root);
  if (local.length === 0) throw new MigrationHistoryError(`no migrations found in ${migrationsDir(config.dialect, root)}`);
  const applied = (await readAppliedMigrations(config)) ?? [];
  checkHistory(config.dialect, local, applied);
  const done = new Set(applied.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name));
  if (local.every((m) => done.has(m.name))) return { applied: [], dialect: config.dialect }; // up to date: no engine needed
  const { engine, close } = await openSchemaEngine(config, readFileSync(schemaFile(config.dialect, root), "utf8"));
  try {
    const out = await engine.applyMigrations({ migrationsList: migrationsList(config.dialect, local, root), filters: NO_FILTERS });
    return { applied: out.appliedMigrationNames, dialect: config.dialect };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new MigrationHistoryError(`applying migrations failed: ${message.split("\n")[0]}`);
  } finally {
    await close();
  }
}
