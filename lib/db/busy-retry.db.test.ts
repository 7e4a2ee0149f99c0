// The server's SQLite handle while another process holds the write lock (a CLI import or analysis): a
// transaction, a batch or a single statement is answered busy within about a second, writing nothing, and
// the event loop keeps turning meanwhile (with the CLI's 10 s wait it stood still for 10 s); when the lock is
// let go in time the write goes through, once. SQLite only: PostgreSQL waits for its locks without holding
// the thread.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audit, auditRow } from "../audit/audit";
import { openDb, type DbHandle } from "./client";
import { createTestDb, testDialect, type TestDb } from "./test-db";
import { DatabaseUnavailableError } from "./unavailable";

const sqlite = testDialect() === "sqlite";

/** The longest gap between ticks of a 10 ms interval while `work` runs. */
async function longestStall(work: () => Promise<unknown>): Promise<{ stall: number; result: PromiseSettledResult<unknown> }> {
  let last = performance.now();
  let stall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 10);
  const [result] = await Promise.allSettled([work()]);
  clearInterval(timer);
  return { stall, result: result! };
}

describe.skipIf(!sqlite)("the server's SQLite handle while another process writes", () => {
  let db: TestDb;
  let server: DbHandle;
  let other: Database.Database;
  const write = (id: string) => server.prisma.$transaction((tx) => audit(tx, { id, actor: "t@example.com", action: "setting.update", target: { type: "setting", id: "x" }, reason: "busy test" }));

  beforeAll(async () => {
    db = await createTestDb("sqlite");
    server = openDb(db.config, { shortBusyWait: true });
    other = new Database(db.config.dialect === "sqlite" ? db.config.file : "");
  });
  afterAll(async () => {
    other?.close();
    await server?.close();
    await db?.destroy();
  });

  it("answers busy within about a second, writes nothing, and never stalls the event loop", async () => {
    other.exec("BEGIN IMMEDIATE");
    const started = performance.now();
    const { stall, result } = await longestStall(() => write("aud_busy_1"));
    const took = performance.now() - started;
    other.exec("ROLLBACK");
    expect(result.status).toBe("rejected");
    const error = (result as PromiseRejectedResult).reason as unknown;
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as DatabaseUnavailableError).unavailable.reason).toBe("busy");
    expect(took).toBeGreaterThan(500); // it kept trying (one attempt is 50 ms)
    expect(took).toBeLessThan(3_000);
    // one attempt's wait (50 ms) at a time, never the CLI's 10 s (bounds loose: the machines are noisy)
    expect(stall).toBeLessThan(500);
    expect(await db.prisma.auditEvent.count({ where: { id: "aud_busy_1" } })).toBe(0);
  });

  it("goes through when the lock is let go within the budget", async () => {
    other.exec("BEGIN IMMEDIATE");
    const release = setTimeout(() => other.exec("ROLLBACK"), 300);
    await write("aud_busy_2");
    clearTimeout(release);
    expect(await db.prisma.auditEvent.count({ where: { id: "aud_busy_2" } })).toBe(1);
  });

  const row = (id: string) => auditRow({ id, actor: "t@example.com", action: "setting.update", target: { type: "setting", id: "x" }, reason: "busy test" });
  const stored = (...ids: string[]) => db.prisma.auditEvent.count({ where: { id: { in: ids } } });

  it("a statement outside any transaction is answered busy the same way, without stalling, writing nothing", async () => {
    other.exec("BEGIN IMMEDIATE");
    const started = performance.now();
    const { stall, result } = await longestStall(() => server.prisma.auditEvent.create({ data: row("aud_busy_3") }));
    const took = performance.now() - started;
    other.exec("ROLLBACK");
    expect(result.status).toBe("rejected");
    expect(((result as PromiseRejectedResult).reason as DatabaseUnavailableError).unavailable?.reason).toBe("busy");
    expect(took).toBeGreaterThan(500);
    expect(stall).toBeLessThan(500);
    expect(await stored("aud_busy_3")).toBe(0);
  });

  it("a statement, a raw statement and a batch outside a transaction go through once when the lock is let go", async () => {
    other.exec("BEGIN IMMEDIATE");
    const release = setTimeout(() => other.exec("ROLLBACK"), 300);
    const r = row("aud_busy_5");
    await Promise.all([
      server.prisma.auditEvent.create({ data: row("aud_busy_4") }),
      server.prisma.$executeRaw`INSERT INTO "audit_events" ("id", "at", "actor", "action", "targetType", "targetId", "details") VALUES (${r.id}, ${r.at}, ${r.actor}, ${r.action}, ${r.targetType}, ${r.targetId}, '{}')`,
      server.prisma.$transaction([server.prisma.auditEvent.create({ data: row("aud_busy_6") }), server.prisma.auditEvent.create({ data: row("aud_busy_7") })]),
    ]);
    clearTimeout(release);
    expect(await stored("aud_busy_4", "aud_busy_5", "aud_busy_6", "aud_busy_7")).toBe(4);
  });

  it("reads and results come back as before through the retrying client", async () => {
    const found = await server.prisma.auditEvent.findUnique({ where: { id: "aud_busy_4" }, select: { id: true } });
    expect(found).toEqual({ id: "aud_busy_4" });
    const [count] = await server.prisma.$transaction([server.prisma.auditEvent.count({ where: { id: "aud_busy_4" } })]);
    expect(count).toBe(1);
    await expect(server.prisma.auditEvent.create({ data: row("aud_busy_4") })).rejects.toMatchObject({ code: "P2002" });
  });
});
