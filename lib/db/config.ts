// Reads DATABASE_URL once and decides the dialect: the only place that knows which database we use.
// A bad value becomes a DatabaseConfigError whose message is one line naming the variable and the reason.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { defaultSqliteFile, packageRoot } from "./paths";

export type Dialect = "sqlite" | "postgresql";

export interface PgConnection {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
}

export type DatabaseConfig =
  | { dialect: "sqlite"; file: string; url: string }
  | { dialect: "postgresql"; connection: PgConnection; url: string; schema: string };

export class DatabaseConfigError extends Error {
  override name = "DatabaseConfigError";
}

/**
 * Unset: the embedded SQLite file in the data home (PATTERNS_HOME, else data/ in the package root).
 * A relative `file:` path is read from the package root too, never from where a command was started.
 */
export function parseDatabaseUrl(raw: string | undefined, base = packageRoot(), env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const value = raw?.trim();
  if (!value) {
    const file = defaultSqliteFile(env, base);
    return { dialect: "sqlite", file, url: `file:${file}` };
  }
  if (value.startsWith("file:")) {
    const path = value.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    if (!path || path.includes("?")) {
      throw new DatabaseConfigError(`DATABASE_URL: "${value}" is not a usable SQLite file URL (expected file:./data/patterns.db)`);
    }
    const file = resolve(base, path);
    return { dialect: "sqlite", file, url: `file:${file}` };
  }
  if (value.startsWith("postgres://") || value.startsWith("postgresql://")) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new DatabaseConfigError("DATABASE_URL: not a valid URL (expected postgresql://user@host:5432/database)");
    }
    const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
    if (!url.hostname) throw new DatabaseConfigError("DATABASE_URL: the PostgreSQL URL has no host");
    if (!database) throw new DatabaseConfigError("DATABASE_URL: the PostgreSQL URL names no database (…/dbname)");
    const port = url.port ? Number(url.port) : 5432;
    if (!Number.isInteger(port) || port <= 0 || port > 65535) {
      throw new DatabaseConfigError(`DATABASE_URL: port "${url.port}" is not a valid port`);
    }
    const schema = url.searchParams.get("schema") ?? "public";
    return {
      dialect: "postgresql",
      url: value,
      schema,
      connection: {
        host: url.hostname,
        port,
        user: decodeURIComponent(url.username) || "postgres",
        password: url.password ? decodeURIComponent(url.password) : undefined,
        database,
      },
    };
  }
  const scheme = value.includes(":") ? value.slice(0, value.indexOf(":")) : value.slice(0, 20);
  throw new DatabaseConfigError(
    `DATABASE_URL: unsupported scheme "${scheme}" (use file:./data/patterns.db for SQLite or postgresql://… for PostgreSQL)`,
  );
}

export function ensureSqliteDir(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
}

/** Turns a driver's connection failure into one line that names DATABASE_URL. */
export function describeConnectionError(config: DatabaseConfig, error: unknown): DatabaseConfigError {
  const e = error as { code?: string; message?: string };
  const where =
    config.dialect === "sqlite"
      ? config.file
      : `${config.connection.host}:${config.connection.port}/${config.connection.database}`;
  const reasons: Record<string, string> = {
    ECONNREFUSED: "connection refused (is the server running?)",
    ENOTFOUND: "host not found",
    EAI_AGAIN: "host name lookup failed",
    ETIMEDOUT: "connection timed out",
    "3D000": "database does not exist",
    "28P01": "password authentication failed",
    "28000": "authentication rejected",
    SQLITE_CANTOPEN: "cannot open the database file",
    SQLITE_NOTADB: "the file is not a SQLite database",
  };
  const reason = (e?.code && reasons[e.code]) || e?.message?.split("\n")[0] || String(error);
  return new DatabaseConfigError(`DATABASE_URL: cannot connect to ${where}: ${reason}`);
}
