// Throw-away databases for tests, benchmarks and the migration script: a SQLite file in a temp
// folder, or a fresh database created in the PostgreSQL server at PG_TEST_URL and dropped after.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { parseDatabaseUrl, type DatabaseConfig } from "./config";

export const PG_TEST_URL = process.env.PG_TEST_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export interface TempDatabase {
  config: DatabaseConfig;
  url: string;
  drop: () => Promise<void>;
}

export function tempSqlite(): TempDatabase {
  const dir = mkdtempSync(join(tmpdir(), "pa-db-"));
  const url = `file:${join(dir, "patterns.db")}`;
  return {
    config: parseDatabaseUrl(url),
    url,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function tempPostgres(prefix = "pa_test"): Promise<TempDatabase> {
  const admin = parseDatabaseUrl(PG_TEST_URL);
  if (admin.dialect !== "postgresql") throw new Error("PG_TEST_URL must be a postgresql:// URL");
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const client = new pg.Client(admin.connection);
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(PG_TEST_URL);
  url.pathname = `/${name}`;
  return {
    config: parseDatabaseUrl(url.toString()),
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client(admin.connection);
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

export async function withTempPostgres<T>(fn: (config: DatabaseConfig) => Promise<T>): Promise<T> {
  const db = await tempPostgres("pa_tmp");
  try {
    return await fn(db.config);
  } finally {
    await db.drop();
  }
}
