// Tells a passing database problem (busy, locked, read-only, full, unreachable, connection cut) from a
// bug, for both drivers and for Prisma's wrapping of them: the routes answer the first with 503 and
// Retry-After (the client keeps the event and tries later) and only the second with 500.

export type UnavailableReason = "busy" | "read_only" | "full" | "unreachable" | "connection_lost" | "io_error";

export interface Unavailable {
  reason: UnavailableReason;
  /** One line for people: what is wrong, never the SQL or the data. */
  message: string;
  /** Seconds a client should wait before trying again. */
  retryAfter: number;
}

const MESSAGES: Record<UnavailableReason, [string, number]> = {
  busy: ["the database is busy (another writer holds it); nothing was stored, try again shortly", 1],
  read_only: ["the database is read-only; nothing was stored, try again when it is writable", 30],
  full: ["the database or its disk is full; nothing was stored", 30],
  unreachable: ["the database cannot be reached; nothing was stored, try again later", 5],
  connection_lost: ["the connection to the database was lost; nothing was stored, try again", 1],
  io_error: ["the database could not read or write its files; nothing was stored, try again later", 5],
};

export function unavailable(reason: UnavailableReason, message = MESSAGES[reason][0]): Unavailable {
  return { reason, message, retryAfter: MESSAGES[reason][1] };
}

/** An error that carries its classification (thrown by our own writers and deadlines). */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
  constructor(readonly unavailable: Unavailable) {
    super(unavailable.message);
  }
}

const SOCKET_UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "ETIMEDOUT", "EHOSTDOWN"]);
const SOCKET_LOST = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);

/** SQLite result codes (better-sqlite3 puts the extended name in `code`, e.g. SQLITE_BUSY_SNAPSHOT). */
function fromSqliteCode(code: string): UnavailableReason | null {
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED") || code === "SQLITE_PROTOCOL") return "busy";
  if (code.startsWith("SQLITE_READONLY")) return "read_only";
  if (code === "SQLITE_FULL") return "full";
  if (code.startsWith("SQLITE_IOERR") || code === "SQLITE_CANTOPEN" || code === "SQLITE_NOLFS") return "io_error";
  return null;
}

/** PostgreSQL SQLSTATEs that a later attempt can cure. */
function fromSqlState(code: string): UnavailableReason | null {
  if (code.startsWith("08")) return "connection_lost"; // connection exception
  if (code === "53100") return "full"; // disk full
  if (code.startsWith("53")) return "busy"; // out of memory, too many connections
  if (code === "57P01" || code === "57P02") return "connection_lost"; // admin (pg_terminate_backend) or crash shutdown
  if (code === "57P03" || code === "3D000") return "unreachable"; // cannot connect now; database does not exist (dropped)
  if (code === "57014" || code === "55P03" || code === "40001" || code === "40P01") return "busy"; // timeouts, lock waits, conflicts
  if (code === "25006") return "read_only";
  if (code === "58030") return "io_error";
  return null;
}

/** Prisma's own codes for the same situations. */
function fromPrismaCode(code: string): UnavailableReason | null {
  if (code === "P1001" || code === "P1003") return "unreachable";
  if (code === "P1002" || code === "P1008" || code === "P2024" || code === "P2034") return "busy";
  if (code === "P1017") return "connection_lost";
  return null;
}

/** The driver adapters' normalised error kinds. */
function fromAdapterKind(kind: string): UnavailableReason | null {
  if (kind === "DatabaseNotReachable" || kind === "DatabaseDoesNotExist") return "unreachable";
  if (kind === "ConnectionClosed") return "connection_lost";
  if (kind === "SocketTimeout" || kind === "TooManyConnections" || kind === "TransactionWriteConflict") return "busy";
  return null;
}

/** node-postgres reports some lost connections by message only. */
function fromMessage(message: string): UnavailableReason | null {
  if (/Connection terminated|connection error and is not queryable|server closed the connection|Client was closed/i.test(message)) return "connection_lost";
  if (/timeout exceeded when trying to connect|Connection terminated due to connection timeout/i.test(message)) return "unreachable";
  if (/database is locked|SQLITE_BUSY/i.test(message)) return "busy";
  if (/readonly database|read-only transaction/i.test(message)) return "read_only";
  return null;
}

function classifyOne(e: Record<string, unknown>): UnavailableReason | null {
  const code = typeof e.code === "string" ? e.code : undefined;
  if (code) {
    const found = code.startsWith("SQLITE_") ? fromSqliteCode(code) : SOCKET_UNREACHABLE.has(code) ? "unreachable" : SOCKET_LOST.has(code) ? "connection_lost" : /^P\d{4}$/.test(code) ? fromPrismaCode(code) : /^[0-9A-Z]{5}$/.test(code) ? fromSqlState(code) : null;
    if (found) return found;
  }
  for (const key of ["originalCode", "extendedCode"]) {
    const v = e[key];
    if (typeof v === "string") {
      const found = v.startsWith("SQLITE_") ? fromSqliteCode(v) : fromSqlState(v);
      if (found) return found;
    }
  }
  if (typeof e.kind === "string") {
    const found = e.kind === "postgres" && typeof e.code === "string" ? fromSqlState(e.code) : fromAdapterKind(e.kind);
    if (found) return found;
  }
  return typeof e.message === "string" ? fromMessage(e.message) : null;
}

/** The database problem behind an error (searching its causes), or null when it is something else. */
/**
 * One of ours, by name and shape as well as by class: the server's own bundle and the pages' bundle each
 * hold a copy of this module, so an error thrown by one copy is not an instance of the other's class.
 */
function carriedUnavailable(e: unknown): Unavailable | null {
  if (e instanceof DatabaseUnavailableError) return e.unavailable;
  const u = (e as { name?: unknown; unavailable?: Partial<Unavailable> } | null)?.unavailable;
  if ((e as { name?: unknown } | null)?.name !== "DatabaseUnavailableError" || !u || typeof u.reason !== "string" || typeof u.message !== "string") return null;
  return { reason: u.reason, message: u.message, retryAfter: Number(u.retryAfter) || 1 };
}

export function classifyDatabaseError(error: unknown): Unavailable | null {
  const carried = carriedUnavailable(error);
  if (carried) return carried;
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length && seen.size < 16) {
    const e = queue.shift();
    if (e === null || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const inner = carriedUnavailable(e);
    if (inner) return inner;
    const found = classifyOne(e as Record<string, unknown>);
    if (found) return unavailable(found);
    const r = e as { cause?: unknown; meta?: { driverAdapterError?: unknown }; errors?: unknown };
    queue.push(r.cause, r.meta?.driverAdapterError);
    if (Array.isArray(r.errors)) queue.push(...r.errors); // AggregateError from a dual-stack connect
  }
  return null;
}

/** Rejects with `busy`/`unreachable` when `work` takes longer than `ms`; only for reads (a write may still land). */
export async function readWithin<T>(work: Promise<T>, ms: number, reason: UnavailableReason = "unreachable"): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseUnavailableError(unavailable(reason, `the database did not answer within ${ms} ms; nothing was stored, try again`))), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The error as a DatabaseUnavailableError when it is a passing database problem (busy, unreachable…), else null. */
function asUnavailable(error: unknown): DatabaseUnavailableError | null {
  if (error instanceof DatabaseUnavailableError) return error;
  const cause = classifyDatabaseError(error);
  return cause ? new DatabaseUnavailableError(cause) : null;
}

/** A form's message for a passing database problem; any other error is thrown on (a bug, for the error page). */
export function unavailableOrThrow(error: unknown): string {
  const down = asUnavailable(error);
  if (!down) throw error;
  return down.message;
}
