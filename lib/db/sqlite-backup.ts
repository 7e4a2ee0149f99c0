// Backup and restore of the embedded SQLite database with SQLite's online backup API (through better-sqlite3):
// a consistent copy while the app and ingests keep writing, and a restore that first proves the file is a
// Pattern Automation database this code can run (not ahead of it in migrations), then copies it in page by
// page under SQLite's own locks and applies any migrations the backup predates.
import { existsSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import { ensureSqliteDir, type DatabaseConfig } from "./config";
import { migrate, readLocalMigrations, type AppliedRow } from "./migrate";
import { compareMigrations, type MigrationState } from "./migration-state";

type SqliteConfig = Extract<DatabaseConfig, { dialect: "sqlite" }>;

export class BackupError extends Error {
  override name = "BackupError";
}

export interface BackupSummary {
  file: string;
  bytes: number;
  executions: number;
  patterns: number;
  migration: string | null;
}

/** Tables a Pattern Automation database has from its first migration on. */
const OUR_TABLES = ["_prisma_migrations", "executions", "patterns", "settings"];

// After the first step, every remaining page in one step: a step is one read transaction, so writes from
// other connections cannot restart the copy (they would, between small steps, forever under steady ingest).
const allAtOnce = () => 0x7fffffff;

function open(file: string, what: string): Database.Database {
  if (!existsSync(file)) throw new BackupError(`${what} ${file} does not exist`);
  try {
    return new Database(file, { readonly: true, fileMustExist: true, timeout: 10_000 });
  } catch (error) {
    throw new BackupError(`${what} ${file} cannot be opened: ${(error as Error).message}`);
  }
}

/** What a database file holds, after checking it is one of ours; throws BackupError naming the file otherwise. */
export function inspectDatabaseFile(file: string, what = "the file"): BackupSummary & { state: MigrationState } {
  const db = open(file, what);
  try {
    let tables: string[];
    try {
      tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name);
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new BackupError(code === "SQLITE_NOTADB" ? `${what} ${file} is not a SQLite database` : `${what} ${file} cannot be read: ${(error as Error).message}`);
    }
    const missing = OUR_TABLES.filter((t) => !tables.includes(t));
    if (missing.length) throw new BackupError(`${what} ${file} is not a Pattern Automation database (no ${missing.join(", ")} table)`);
    const check = db.prepare("PRAGMA quick_check").pluck().get();
    if (check !== "ok") throw new BackupError(`${what} ${file} is damaged (SQLite quick_check: ${String(check)})`);
    const rows = db.prepare("SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at").all() as AppliedRow[];
    const state = compareMigrations("sqlite", readLocalMigrations("sqlite"), rows);
    const count = (table: string) => db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
    return { file, bytes: statSync(file).size, executions: count("executions"), patterns: count("patterns"), migration: state.latest, state };
  } finally {
    db.close();
  }
}

/** A consistent copy of the live database in `target` (one read transaction: writers go on meanwhile). */
export async function backupSqlite(config: SqliteConfig, target: string, opts: { overwrite?: boolean } = {}): Promise<BackupSummary> {
  if (existsSync(target) && !opts.overwrite) throw new BackupError(`${target} already exists (use --force to replace it)`);
  const source = open(config.file, "the database");
  try {
    await source.backup(target, { progress: allAtOnce });
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`backup to ${target} failed: ${(error as Error).message}`);
  } finally {
    source.close();
  }
  const { state: _state, ...summary } = inspectDatabaseFile(target, "the backup");
  return summary;
}

export interface RestoreSummary extends BackupSummary {
  /** migrations the backup predated, applied after the restore */
  applied: string[];
  /** what the database held before it was replaced */
  replaced: { executions: number; patterns: number } | null;
}

/** Replaces the database with a backup, after vetting it; `force` is needed over a database that holds data. */
export async function restoreSqlite(config: SqliteConfig, backupFile: string, opts: { force?: boolean } = {}): Promise<RestoreSummary> {
  const backup = inspectDatabaseFile(backupFile, "the backup");
  if (backup.state.problem) throw new BackupError(`the backup ${backupFile} cannot be restored: ${backup.state.problem}`);
  let replaced: RestoreSummary["replaced"] = null;
  if (existsSync(config.file)) {
    try {
      const current = inspectDatabaseFile(config.file, "the database");
      replaced = { executions: current.executions, patterns: current.patterns };
    } catch {
      replaced = null; // not ours or damaged: nothing worth protecting with --force
    }
    if (replaced && (replaced.executions > 0 || replaced.patterns > 0) && !opts.force) {
      throw new BackupError(`${config.file} holds ${replaced.executions} executions and ${replaced.patterns} patterns; add --force to replace them with the backup`);
    }
  }
  ensureSqliteDir(config.file);
  const source = open(backupFile, "the backup");
  try {
    await source.backup(config.file, { progress: allAtOnce });
  } catch (error) {
    throw new BackupError(`restore into ${config.file} failed: ${(error as Error).message}`);
  } finally {
    source.close();
  }
  const { applied } = await migrate(config);
  const { state: _state, ...restored } = inspectDatabaseFile(config.file, "the restored database");
  return { ...restored, applied, replaced };
}
