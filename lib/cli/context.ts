// What every command shares: opening the database (migrated, with one-line errors), printing JSON,
// and failing with exit 1 and a one-line reason.
import { openDb, type DbHandle } from "../db/client";
import { DatabaseConfigError, parseDatabaseUrl } from "../db/config";
import { migrate, MigrationHistoryError } from "../db/migrate";
import { InputError } from "../schemas/parse-input";

export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** Opens DATABASE_URL (default: the embedded SQLite file), applying pending migrations first. */
export async function openCliDb(): Promise<DbHandle> {
  const config = parseDatabaseUrl(process.env.DATABASE_URL);
  await migrate(config);
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
