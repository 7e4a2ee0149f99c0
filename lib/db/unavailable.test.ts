import { describe, expect, test } from "vitest";
import { classifyDatabaseError, DatabaseUnavailableError, readWithin, unavailable } from "./unavailable";

// The shapes in which each driver, and Prisma around it, reports a passing database problem.
const err = (props: Record<string, unknown>, message = "x") => Object.assign(new Error(message), props);

describe("classifyDatabaseError", () => {
  test.each([
    ["SQLite busy (better-sqlite3)", err({ code: "SQLITE_BUSY" }), "busy"],
    ["SQLite busy snapshot", err({ code: "SQLITE_BUSY_SNAPSHOT" }), "busy"],
    ["SQLite locked", err({ code: "SQLITE_LOCKED" }), "busy"],
    ["SQLite read-only file", err({ code: "SQLITE_READONLY" }), "read_only"],
    ["SQLite read-only, moved", err({ code: "SQLITE_READONLY_DBMOVED" }), "read_only"],
    ["SQLite disk full", err({ code: "SQLITE_FULL" }), "full"],
    ["SQLite I/O error", err({ code: "SQLITE_IOERR_WRITE" }), "io_error"],
    ["PostgreSQL refused (socket)", err({ code: "ECONNREFUSED", syscall: "connect" }), "unreachable"],
    ["PostgreSQL dual-stack refusal", Object.assign(new AggregateError([err({ code: "ECONNREFUSED" })], "")), "unreachable"],
    ["PostgreSQL reset", err({ code: "ECONNRESET" }), "connection_lost"],
    ["pg_terminate_backend", err({ code: "57P01", severity: "FATAL" }), "connection_lost"],
    ["database dropped", err({ code: "3D000" }), "unreachable"],
    ["PostgreSQL disk full", err({ code: "53100" }), "full"],
    ["too many connections", err({ code: "53300" }), "busy"],
    ["lock timeout", err({ code: "55P03" }), "busy"],
    ["deadlock", err({ code: "40P01" }), "busy"],
    ["read-only transaction", err({ code: "25006" }), "read_only"],
    ["connection terminated (pg, by message)", new Error("Connection terminated unexpectedly"), "connection_lost"],
    ["pool connect timeout (pg, by message)", new Error("timeout exceeded when trying to connect"), "unreachable"],
    ["Prisma: can't reach", err({ code: "P1001" }), "unreachable"],
    ["Prisma: pool timeout", err({ code: "P2024" }), "busy"],
    // thrown by the server bundle's copy of this module, read by the pages' copy: not an instance of this class
    ["ours, from another copy of the module", err({ name: "DatabaseUnavailableError", unavailable: unavailable("busy") }), "busy"],
    ["Prisma: adapter error, SQLite busy as a socket timeout", err({ code: "P2010", meta: { driverAdapterError: err({ cause: { kind: "SocketTimeout" } }) } }), "busy"],
    ["Prisma: adapter error, postgres code", err({ meta: { driverAdapterError: err({ cause: { kind: "postgres", code: "57P01" } }) } }), "connection_lost"],
    ["Prisma: adapter error, not reachable", err({ meta: { driverAdapterError: err({ cause: { kind: "DatabaseNotReachable" } }) } }), "unreachable"],
    ["a cause chain", err({ cause: err({ cause: err({ code: "SQLITE_FULL" }) }) }), "full"],
  ])("%s → %s", (_name, error, reason) => {
    const found = classifyDatabaseError(error);
    expect(found?.reason).toBe(reason);
    expect(found!.retryAfter).toBeGreaterThan(0);
    expect(found!.message).toMatch(/nothing was stored/);
  });

  test.each([
    ["a unique violation", err({ code: "23505" })],
    ["a syntax error", err({ code: "42601" })],
    ["SQLite constraint", err({ code: "SQLITE_CONSTRAINT_FOREIGNKEY" })],
    ["a TypeError", new TypeError("undefined is not a function")],
    ["a string", "boom"],
    ["null", null],
  ])("%s is not a passing database problem (500, not 503)", (_name, error) => {
    expect(classifyDatabaseError(error)).toBeNull();
  });

  test("a cyclic cause chain ends", () => {
    const a = err({});
    const b = err({ cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(classifyDatabaseError(a)).toBeNull();
  });

  test("our own error carries its classification", () => {
    expect(classifyDatabaseError(new DatabaseUnavailableError(unavailable("read_only")))?.reason).toBe("read_only");
  });
});

describe("readWithin", () => {
  test("a read slower than its bound is answered as unavailable, promptly", async () => {
    const started = Date.now();
    await expect(readWithin(new Promise(() => {}), 50)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test("a read within its bound passes through", async () => {
    await expect(readWithin(Promise.resolve(7), 1000)).resolves.toBe(7);
  });
});
