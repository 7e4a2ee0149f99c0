// What every command shares: opening the database (migrated, with one-line errors), printing JSON,
// and failing with exit 1 and a one-line reason.
import { openDb, type DbHandle } from "../db/client";
import { DatabaseConfigError, parseDatabaseUrl, type DatabaseConfig } from "../db/config";
import { migrate, MigrationHistoryError, type MigrateResult } from "../db/migrate";
import { InputError } from "../schemas/parse-input";

export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** Where the database is, for people: the SQLite file, or the PostgreSQL URL without its password. */
export function databaseLocation(config: DatabaseConfig): string {
  if (config.dialect === "sqlite") return config.file;
  const c = config.connection;
  return `postgresql://${encodeURIComponent(c.user)}@${c.host}:${c.port}/${encodeURIComponent(c.database)}${config.schema !== "public" ? `?schema=${config.schema}` : ""}`;
}

/**
 * Applies pending migrations; a failure names the database it was migrating (the one DATABASE_URL or
 * PATTERNS_HOME chose, which may not be the one the user had in mind), never with its password.
 */
export async function migrateCliDb(config: DatabaseConfig): Promise<MigrateResult> {
  try {
    return await migrate(config);
  } catch (error) {
    if (error instanceof DatabaseConfigError) throw error; // "DATABASE_URL: cannot connect to <where>" names it already
    const password = config.dialect === "postgresql" ? config.connection.password : undefined;
    const reason = password ? oneLine(error).split(password).join("***") : oneLine(error);
    throw new MigrationHistoryError(`migrating ${databaseLocation(config)}: ${reason}`);
  }
}

/** Opens DATABASE_URL (default: the embedded SQLite file), applying pending migrations first. */
export async function openCliDb(): Promise<DbHandle> {
  const config = parseDatabaseUrl(process.env.DATABASE_URL);
  await migrateCliDb(config);
  return openDb(config);
}

export async function withDb<T>(fn: (db: DbHandle) => Promise<T>): Promise<T> {
  const db = await openCliDb();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + "\n");
}

export function oneLine(error: unknown): string {
  if (error instanceof DatabaseConfigError || error instanceof MigrationHistoryError || error instanceof CliError || error instanceof InputError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n").find((l) => l.trim()) ?? "failed";
}
