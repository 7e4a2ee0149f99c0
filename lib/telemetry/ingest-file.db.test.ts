import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { ingestChunksParallel, ingestChunksPostgres } from "./ingest-file";

const event = (id: string, over: Record<string, unknown> = {}) => ({ id, patternId: "pf", operation: "op", startedAt: "2026-11-20T10:00:00Z", durationMs: 2, success: true, ...over });

const dialect = testDialect();
// SQLite stores in a writer thread; PostgreSQL keeps one chunk in flight on the server.
const ingestChunks = dialect === "sqlite" ? ingestChunksParallel : ingestChunksPostgres;

describe(`chunked file ingest on ${dialect}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db?.destroy());

  it("stores every chunk in one transaction, counting duplicates across chunks", async () => {
    const chunks = [[event("p1"), event("p2")], [event("p2"), event("p3", { files: [{ path: "a.ts", content: "x" }] })]];
    const out = await ingestChunks(db, chunks);
    expect(out).toEqual({ ok: true, accepted: 3, duplicates: 1, registeredPatterns: ["pf"] });
    expect(await db.prisma.fileEvent.count({ where: { executionId: "p3" } })).toBe(1);
    const m = await db.prisma.patternMetricDaily.findFirstOrThrow({ where: { patternId: "pf" } });
    expect(m.executions).toBe(3);
  });

  it("rolls back everything when a later chunk holds an invalid event, with indices from the start of the file", async () => {
    const chunks = [[event("q1"), event("q2")], [event("q3"), event("q4", { durationMs: -1 })], [event("q5", { success: "no" })]];
    const out = await ingestChunks(db, chunks);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors.map((e) => [e.index, e.path])).toEqual([[3, "durationMs"], [4, "success"]]);
    expect(await db.prisma.execution.count({ where: { id: { startsWith: "q" } } })).toBe(0);
  });
});
