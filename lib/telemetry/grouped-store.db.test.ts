// The API's grouped writes (SQLite's writer thread, PostgreSQL's group writer): requests posted at once are
// stored together, yet each gets its own exact answer, and one the database refuses fails alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { DatabaseUnavailableError } from "../db/unavailable";
import { toRow, type ExecutionRow } from "./normalize";
import { pgGroupWriter } from "./pg-group-writer";
import { storeRows } from "./store";

const dialect = testDialect();
const NOW = Date.parse("2026-11-20T12:00:00Z");

function rows(ids: string[], patternId: string | null = "grouped"): ExecutionRow[] {
  return ids.map((id) => toRow({ id, patternId: patternId ?? undefined, operation: "op", startedAt: "2026-11-20T10:00:00Z", durationMs: 5, success: true }, NOW));
}

describe(`grouped request writes on ${dialect}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db?.destroy());

  it("40 requests at once, overlapping ids: each id stored once, every request told exactly what it stored", async () => {
    // request k sends ids k..k+9: ids shared with earlier requests are theirs, whichever stores first
    const requests = Array.from({ length: 40 }, (_, k) => Array.from({ length: 10 }, (_, j) => `g-${k + j}`));
    const answers = await Promise.all(requests.map((ids, k) => storeRows(db, rows(ids), `token:t${k}`, { background: true })));
    const accepted = answers.reduce((n, a) => n + a.accepted, 0);
    const duplicates = answers.reduce((n, a) => n + a.duplicates, 0);
    expect(accepted).toBe(49); // g-0 … g-48
    expect(accepted + duplicates).toBe(400);
    expect(await db.prisma.execution.count({ where: { id: { startsWith: "g-" } } })).toBe(49);
    // the daily metrics count each stored run once
    const metrics = await db.prisma.patternMetricDaily.findMany({ where: { patternId: "grouped" } });
    expect(metrics.reduce((n, m) => n + m.executions, 0)).toBe(49);
    // the pattern is registered once, by one of the requests, and audited under that request's actor
    const registered = answers.flatMap((a) => a.registeredPatterns);
    expect(registered).toEqual(["grouped"]);
    const audit = await db.prisma.auditEvent.findMany({ where: { action: "pattern.register", targetId: "grouped" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe(`token:t${answers.findIndex((a) => a.registeredPatterns.length > 0)}`);
  });

  // PostgreSQL refuses a value SQLite would store (a fileCount past int4): the way to make the database
  // itself refuse one request of a group after validation, which no event that passed validation does
  it.runIf(dialect === "postgresql")("a request the database refuses fails alone; the others of its group are stored", async () => {
    const poison = rows(["p-bad-1", "p-bad-2"]).map((r) => ({ ...r, fileCount: 2 ** 40 }));
    const outcomes = await Promise.allSettled([
      storeRows(db, rows(["p-ok-1"]), "a", { background: true }),
      storeRows(db, poison, "b", { background: true }),
      storeRows(db, rows(["p-ok-2", "p-ok-3"]), "c", { background: true }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(outcomes[0]).toMatchObject({ value: { accepted: 1 } });
    expect(outcomes[2]).toMatchObject({ value: { accepted: 2 } });
    const stored = await db.prisma.execution.findMany({ where: { id: { startsWith: "p-" } }, select: { id: true }, orderBy: { id: "asc" } });
    expect(stored.map((s) => s.id)).toEqual(["p-ok-1", "p-ok-2", "p-ok-3"]);
  });

  // PostgreSQL only: SQLite's writer thread checks each request's deadline itself as it waits for the lock
  it.runIf(dialect === "postgresql")("a request queued behind a slow group is answered busy at its own deadline, with nothing written", async () => {
    // another transaction holds a lock every insert waits for, for 2 s
    const blocker = await db.pool!.connect();
    await blocker.query("BEGIN");
    await blocker.query(`LOCK TABLE "executions" IN SHARE MODE`);
    const released = new Promise<void>((resolve) => setTimeout(() => void blocker.query("COMMIT").catch(() => {}).finally(() => resolve()), 2_000));
    try {
      const writer = pgGroupWriter(db);
      const slow = writer.store(rows(["q-slow"]), "a", 5_000); // its group starts and waits for the lock
      await new Promise((r) => setTimeout(r, 100));
      const started = Date.now();
      const queued = await writer.store(rows(["q-queued"]), "b", 300).then(
        () => "stored",
        (error: unknown) => error,
      );
      const waited = Date.now() - started;
      expect(queued).toBeInstanceOf(DatabaseUnavailableError);
      expect((queued as DatabaseUnavailableError).unavailable.reason).toBe("busy");
      expect(waited).toBeLessThan(1_500); // its own 300 ms, not the 2 s the group ahead of it waits
      await released;
      expect(await slow).toMatchObject({ accepted: 1 });
      const stored = await db.prisma.execution.findMany({ where: { id: { startsWith: "q-" } }, select: { id: true } });
      expect(stored.map((s) => s.id)).toEqual(["q-slow"]);
    } finally {
      await released;
      blocker.release();
    }
  });
});
