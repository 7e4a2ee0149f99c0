import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../db/client";
import { parseDatabaseUrl } from "../db/config";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { ingestEvents, ingestText } from "./ingest";

const dialect = testDialect();
const event = (over: Record<string, unknown> = {}) => ({
  operation: "create_api_endpoint",
  startedAt: "2026-11-20T10:00:00Z",
  durationMs: 1200,
  success: true,
  ...over,
});

describe(`ingest on ${dialect}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db?.destroy());

  it("stores events, registers unknown patterns with an audit entry, and keeps daily metrics current", async () => {
    const out = await ingestEvents(db, [
      event({ id: "a1", patternId: "pat-x", durationMs: 100 }),
      event({ id: "a2", patternId: "pat-x", success: false, durationMs: 300, error: { type: "Error", message: "Timeout after 3000ms on job 42" } }),
      event({ id: "a3", files: [{ path: "src/a.ts", content: "export const a = 1;\n" }, { path: "src/b.ts", action: "modified" }] }),
    ]);
    expect(out).toEqual({ ok: true, accepted: 3, duplicates: 0, registeredPatterns: ["pat-x"] });
    const pattern = await db.prisma.pattern.findUniqueOrThrow({ where: { id: "pat-x" } });
    expect(pattern).toMatchObject({ name: "pat-x", status: "active", origin: "telemetry" });
    expect(await db.prisma.auditEvent.count({ where: { action: "pattern.register", targetId: "pat-x" } })).toBe(1);
    const metric = await db.prisma.patternMetricDaily.findUniqueOrThrow({
      where: { day_patternId_operation: { day: "2026-11-20", patternId: "pat-x", operation: "create_api_endpoint" } },
    });
    expect(metric).toMatchObject({ executions: 2, successes: 1, failures: 1, totalDurationMs: 400 });
    const failed = await db.prisma.execution.findUniqueOrThrow({ where: { id: "a2" } });
    expect(failed.errorSignature).toBeTruthy();
    expect(failed.errorSignature).not.toContain("3000");
    expect(failed.errorKey).toMatch(/^[0-9a-f]{8,}$/);
    const files = await db.prisma.fileEvent.findMany({ where: { executionId: "a3" }, orderBy: { path: "asc" } });
    expect(files.map((f) => [f.path, f.action, f.content])).toEqual([
      ["src/a.ts", "created", "export const a = 1;\n"],
      ["src/b.ts", "modified", null],
    ]);
  });

  it("stores start, receipt and file times exact to the millisecond, whatever the time zone of the server", async () => {
    const starts = ["2000-01-01T00:00:00.000Z", "2026-03-08T07:00:00.001Z", "2026-11-01T05:59:59.999Z", "2026-11-20T10:00:00.123Z"];
    const now = Date.parse("2026-11-20T12:34:56.789Z");
    // PostgreSQL: the database's sessions in a zone that is not UTC, as a server set up elsewhere may have them
    const database = dialect === "postgresql" ? (await db.pool!.query("SELECT current_database() AS d")).rows[0].d : null;
    if (database) await db.pool!.query(`ALTER DATABASE "${database}" SET "TimeZone" = 'America/New_York'`);
    const writer = database ? openDb(parseDatabaseUrl(db.url)) : db;
    try {
      if (dialect === "postgresql") expect((await writer.pool!.query("SHOW TimeZone")).rows[0].TimeZone).toBe("America/New_York");
      const out = await ingestEvents(writer, starts.map((startedAt, i) => event({ id: `t${i}`, startedAt, files: [{ path: `src/t${i}.ts`, content: "x" }] })), { now });
      expect(out.ok).toBe(true);
    } finally {
      if (writer !== db) await writer.close();
      if (database) await db.pool!.query(`ALTER DATABASE "${database}" RESET "TimeZone"`); // the other tests' new connections as before
    }
    const stored = await db.prisma.execution.findMany({ where: { id: { in: starts.map((_, i) => `t${i}`) } }, orderBy: { id: "asc" } });
    expect(stored.map((r) => r.startedAt.toISOString())).toEqual(starts);
    expect(stored.map((r) => r.receivedAt.getTime())).toEqual(starts.map(() => now));
    const files = await db.prisma.fileEvent.findMany({ where: { executionId: { in: starts.map((_, i) => `t${i}`) } }, orderBy: { executionId: "asc" } });
    expect(files.map((f) => f.createdAt.toISOString())).toEqual(starts); // a file is dated by its run's start
  });

  it("dates the patterns it registers, and their audit entries, in UTC whatever the time zone of the process", async () => {
    const zone = process.env.TZ;
    process.env.TZ = "Asia/Tokyo"; // 9 hours ahead of UTC: a Date sent as local time would be stored 9 hours late
    const before = Date.now();
    try {
      expect(new Date(before).getTimezoneOffset()).toBe(-540);
      expect(await ingestEvents(db, [event({ id: "tz1", patternId: "pat-tz" })])).toMatchObject({ ok: true, registeredPatterns: ["pat-tz"] });
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    const pattern = await db.prisma.pattern.findUniqueOrThrow({ where: { id: "pat-tz" } });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "pattern.register", targetId: "pat-tz" } });
    for (const at of [pattern.createdAt, pattern.updatedAt, audit.at]) expect(Math.abs(at.getTime() - before)).toBeLessThan(60_000);
  });

  it.runIf(dialect === "postgresql")("drops a connection whose prepared ingest statements a migration made stale; the next request is stored", async () => {
    const own = await createTestDb("postgresql");
    try {
      expect(await ingestEvents(own, [event({ id: "s1" })])).toMatchObject({ ok: true, accepted: 1 });
      // the statements return "id": a new type for it makes the server refuse them on that connection (0A000)
      await own.pool!.query(`ALTER TABLE "executions" ALTER COLUMN "id" TYPE varchar(200)`);
      await expect(ingestEvents(own, [event({ id: "s2" })])).rejects.toThrow("cached plan must not change result type");
      expect(await ingestEvents(own, [event({ id: "s3" })])).toMatchObject({ ok: true, accepted: 1 });
      expect(await ingestEvents(own, [event({ id: "s4" })])).toMatchObject({ ok: true, accepted: 1 });
      expect((await own.pool!.query(`SELECT "id" FROM "executions" ORDER BY "id"`)).rows.map((r) => r.id)).toEqual(["s1", "s3", "s4"]);
    } finally {
      await own.destroy();
    }
  });

  it("counts a repeated id as a duplicate, inside one request and across requests, and changes nothing", async () => {
    const first = await ingestEvents(db, [event({ id: "d1" }), event({ id: "d1", durationMs: 999 }), event({ id: "d2" })]);
    expect(first).toMatchObject({ accepted: 2, duplicates: 1 });
    const again = await ingestEvents(db, [event({ id: "d1", success: false }), event({ id: "d2" })]);
    expect(again).toMatchObject({ accepted: 0, duplicates: 2 });
    expect((await db.prisma.execution.findUniqueOrThrow({ where: { id: "d1" } })).durationMs).toBe(1200);
  });

  it("keeps idempotency when two requests race with the same ids", async () => {
    const batch = Array.from({ length: 300 }, (_, i) => event({ id: `race-${i}`, patternId: "pat-race" }));
    const [a, b] = await Promise.all([ingestEvents(db, batch), ingestEvents(db, [...batch].reverse())]);
    if (!a.ok || !b.ok) throw new Error("ingest refused");
    expect(a.accepted + b.accepted).toBe(300);
    expect(a.duplicates + b.duplicates).toBe(300);
    expect(await db.prisma.execution.count({ where: { patternId: "pat-race" } })).toBe(300);
    const metric = await db.prisma.patternMetricDaily.findFirstOrThrow({ where: { patternId: "pat-race" } });
    expect(metric.executions).toBe(300);
  });

  it("writes nothing when one event of the request is invalid, and names the event and field", async () => {
    const before = await db.prisma.execution.count();
    const out = await ingestEvents(db, [event({ id: "ok-1" }), event({ id: "bad-1", durationMs: -5 })]);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors).toEqual([{ index: 1, path: "durationMs", message: "must not be negative" }]);
    expect(await db.prisma.execution.count()).toBe(before);
  });

  it("reads NDJSON and gives events without an id one from the server", async () => {
    const text = [JSON.stringify(event({ operation: "nd_a" })), "", JSON.stringify(event({ operation: "nd_b" }))].join("\n");
    const out = await ingestText(db, text, "ndjson");
    expect(out).toMatchObject({ ok: true, accepted: 2 });
    const rows = await db.prisma.execution.findMany({ where: { operation: { in: ["nd_a", "nd_b"] } } });
    expect(rows.map((r) => r.id.startsWith("srv_"))).toEqual([true, true]);
  });
});
