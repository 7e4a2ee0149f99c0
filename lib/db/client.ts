// The one place that builds a PrismaClient: picks the driver adapter from DATABASE_URL, hides secret
// columns with a global omit, and caches the client on globalThis (Next.js dev reloads modules).
// Both generated clients share one shape; the SQLite one's types are the canonical `Db` type.
import Database from "better-sqlite3";
import pg from "pg";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { retryingWhileBusy, SERVER_BUSY_TIMEOUT_MS } from "./busy-retry";
import { ensureSqliteDir, parseDatabaseUrl, type DatabaseConfig, type Dialect } from "./config";

const OMIT = {
  account: { password: true, accessToken: true, refreshToken: true, idToken: true },
  session: { token: true },
  apiToken: { tokenHash: true },
} as const;

function makeSqliteClient(adapter: PrismaBetterSqlite3) {
  return new SqliteClient({ adapter, omit: OMIT });
}
export type Db = ReturnType<typeof makeSqliteClient>;
export type { Prisma } from "./generated/sqlite/client";

/** A database handle: the ORM client plus the raw driver for the bulk paths. */
export interface DbHandle {
  prisma: Db;
  /** The same database without the global omit, for the sign-in library alone (lib/auth/auth.ts): it must
   *  read password hashes and session tokens. Nothing else uses it. */
  authPrisma: SqliteClient;
  config: DatabaseConfig;
  dialect: Dialect;
  /** Raw better-sqlite3 connection (SQLite only), for prepared bulk statements. */
  sqlite?: Database.Database;
  /** Raw pg pool (PostgreSQL only), for COPY and multi-row inserts. */
  pool?: pg.Pool;
  close: () => Promise<void>;
  /** Runs `fn` when the handle closes, before the connections go (e.g. to stop a writer thread using the file). */
  onClose: (fn: () => Promise<void>) => void;
}

export interface OpenOptions {
  /**
   * SQLite: wait for another writer's lock only briefly (SERVER_BUSY_TIMEOUT_MS), retrying transactions and
   * single statements asynchronously (lib/db/busy-retry.ts): the server, whose thread must never sit in
   * SQLite's busy wait. The CLI waits up to 10 s, as a command that may as well wait.
   */
  shortBusyWait?: boolean;
}

export function openDb(config: DatabaseConfig, opts: OpenOptions = {}): DbHandle {
  if (config.dialect === "sqlite") {
    const busyTimeout = opts.shortBusyWait ? SERVER_BUSY_TIMEOUT_MS : 10_000;
    const withRetries = <C extends object>(client: C) => (opts.shortBusyWait ? retryingWhileBusy(client) : client);
    ensureSqliteDir(config.file);
    let prisma: Db | undefined;
    let authPrisma: SqliteClient | undefined;
    let raw: Database.Database | undefined;
    const closers: Array<() => Promise<void>> = [];
    const sqliteAdapter = () => new PrismaBetterSqlite3({ url: config.url, timeout: busyTimeout }, { timestampFormat: "unixepoch-ms" });
    const handle: DbHandle = {
      // Built on first use: the bulk paths and the CLI's raw commands never pay for the ORM.
      get prisma() {
        prisma ??= withRetries(makeSqliteClient(sqliteAdapter()));
        return prisma;
      },
      get authPrisma() {
        authPrisma ??= withRetries(new SqliteClient({ adapter: sqliteAdapter() }));
        return authPrisma;
      },
      config,
      dialect: "sqlite",
      get sqlite() {
        if (!raw) {
          raw = new Database(config.file, { timeout: busyTimeout });
          try {
            raw.pragma("journal_mode = WAL");
          } catch (error) {
            // setting the mode writes to the file: a read-only one can still be read as it is (writes say why)
            if ((error as { code?: string }).code !== "SQLITE_READONLY") throw error;
          }
          raw.pragma("synchronous = NORMAL");
          raw.pragma("foreign_keys = ON");
        }
        return raw;
      },
      close: async () => {
        for (const fn of closers.splice(0)) await fn();
        await prisma?.$disconnect();
        await authPrisma?.$disconnect();
        raw?.close();
      },
      onClose: (fn) => void closers.push(fn),
    };
    return handle;
  }
  // Our timestamps are UTC in `timestamp(3)` columns (no zone): read them as UTC whatever the process's TZ
  // (pg would take them as local time); lib/db/raw.ts sends Dates as UTC ISO strings for the same reason.
  const types = {
    getTypeParser: ((oid: number, format?: "text" | "binary") =>
      oid === pg.types.builtins.TIMESTAMP && format !== "binary" ? (v: string) => new Date(`${v.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({ ...config.connection, max: 10, connectionTimeoutMillis: 10_000, types });
  pool.on("error", () => {}); // an idle client's error resurfaces on the next query
  // a checked-out client whose connection is cut (pg_terminate_backend, a restart) emits "error" between
  // queries: unheard, that would end the process; the failure reaches its user through the next query
  pool.on("connect", (client) => client.on("error", () => {}));
  const adapter = new PrismaPg({ ...config.connection, max: 10, connectionTimeoutMillis: 10_000 }, { schema: config.schema });
  const prisma = new PostgresClient({ adapter, omit: OMIT }) as unknown as Db;
  let authPrisma: SqliteClient | undefined;
  const closers: Array<() => Promise<void>> = [];
  return {
    prisma,
    get authPrisma() {
      authPrisma ??= new PostgresClient({ adapter: new PrismaPg({ ...config.connection, max: 3, connectionTimeoutMillis: 10_000 }, { schema: config.schema }) }) as unknown as SqliteClient;
      return authPrisma;
    },
    config,
    dialect: "postgresql",
    pool,
    close: async () => {
      for (const fn of closers.splice(0)) await fn();
      await prisma.$disconnect();
      await authPrisma?.$disconnect();
      await pool.end();
    },
    onClose: (fn) => void closers.push(fn),
  };
}

const globalForDb = globalThis as unknown as { patternsDb?: DbHandle };

/** The process-wide database from DATABASE_URL: the server's (a short busy wait, see OpenOptions). */
export function getDb(): DbHandle {
  globalForDb.patternsDb ??= openDb(parseDatabaseUrl(process.env.DATABASE_URL), { shortBusyWait: true });
  return globalForDb.patternsDb;
}

/** Closes the process-wide database, if it was opened (the server's shutdown; a WAL file is checkpointed). */
export async function closeDb(): Promise<void> {
  const db = globalForDb.patternsDb;
  globalForDb.patternsDb = undefined;
  await db?.close();
}
