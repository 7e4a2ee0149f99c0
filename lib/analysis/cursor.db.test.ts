import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { ingestEvents } from "../telemetry/ingest";
import { toRow } from "../telemetry/normalize";
import { PgSession } from "../telemetry/pg-writer";
import { LeaseLostError } from "./lease";
import { ANALYSIS_LEASE, EXECUTIONS_CURSOR, runAnalysis } from "./run";
import type { AnalysisStep } from "./types";

// The analysis cursor never skips an execution, whatever order ingest transactions commit in, and a run
// whose lease was taken over writes nothing. The out-of-order cases need PostgreSQL (SQLite has one
// writer at a time, so its seq order is its commit order); the races run on both.
const dialect = testDialect();
const event = (id: string) => ({ id, operation: "op", startedAt: "2026-11-20T10:00:00Z", durationMs: 1, success: true });

/** Writes one audit row per new execution it saw: each execution must end up seen exactly once. */
const seeStep: AnalysisStep = {
  name: "see",
  run: async (ctx) => {
    const seen = await ctx.db.prisma.execution.findMany({ where: { seq: { gt: ctx.fromSeq, lte: ctx.toSeq } }, select: { id: true } });
    return {
      counts: { seen: seen.length },
      findings: [],
      persist: async (tx) => {
        await tx.auditEvent.createMany({ data: seen.map((s) => ({ id: `saw_${ctx.runId}_${s.id}`, at: ctx.now, actor: "system", action: "test.saw", targetType: "execution", targetId: s.id })) });
      },
    };
  },
};

describe(`the analysis cursor and lease on ${dialect}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db?.destroy());

  /** Every execution seen by exactly one run. */
  async function expectEachSeenOnce() {
    const executions = await db.prisma.execution.findMany({ select: { id: true } });
    const saw = await db.prisma.auditEvent.groupBy({ by: ["targetId"], where: { action: "test.saw" }, _count: { _all: true } });
    const times = new Map(saw.map((s) => [s.targetId, s._count._all]));
    const missed = executions.filter((e) => !times.has(e.id)).map((e) => e.id);
    const twice = [...times].filter(([, n]) => n > 1).map(([id]) => id);
    expect({ missed, twice }).toEqual({ missed: [], twice: [] });
  }

  /** An ingest transaction left open on PostgreSQL: rows inserted (seq taken), not committed. */
  async function openIngest(ids: string[]): Promise<PgSession> {
    const session = await PgSession.begin(db, "test");
    await session.write(ids.map((id) => toRow(event(id), Date.now())));
    return session;
  }

  it.skipIf(dialect !== "postgresql")("reads a transaction that committed after a later one in the next run, never skipping it", async () => {
    const early = await openIngest(["early-1", "early-2"]); // takes the lower seqs…
    const late = await openIngest(["late-1"]);
    await late.commit(); // …but commits last
    const first = await runAnalysis(db, { steps: [seeStep] });
    expect(first.counts.seen).toBe(0); // late-1 sits above early's open seqs: held back, not passed over
    await early.commit();
    const second = await runAnalysis(db, { steps: [seeStep] });
    expect(second.counts.seen).toBe(3);
    await expectEachSeenOnce();
  });

  it.skipIf(dialect !== "postgresql")("moves past a transaction that rolled back", async () => {
    const gone = await openIngest(["rolled-back"]);
    await ingestEvents(db, [event("after-rollback")]);
    await gone.rollback();
    const run = await runAnalysis(db, { steps: [seeStep] });
    expect(run.counts.seen).toBe(1);
    expect(await db.prisma.execution.count({ where: { id: "rolled-back" } })).toBe(0);
    await expectEachSeenOnce();
  });

  it("races ingests committing in random order against two analysis runs: every execution seen exactly once", async () => {
    let n = 0;
    const ids = () => Array.from({ length: 5 }, () => `race-${n++}`);
    const twoRuns = () => Promise.all([runAnalysis(db, { steps: [seeStep], waitMs: 30_000 }), runAnalysis(db, { steps: [seeStep], waitMs: 30_000 })]);
    for (let round = 0; round < 3; round++) {
      if (dialect === "postgresql") {
        // six transactions take their seqs in order, then commit in a shuffled order, two runs racing after each
        const open: PgSession[] = [];
        for (let i = 0; i < 6; i++) open.push(await openIngest(ids()));
        open.sort(() => Math.random() - 0.5);
        for (const session of open) {
          await session.commit();
          await twoRuns();
        }
      } else {
        await Promise.all([...Array.from({ length: 6 }, () => ingestEvents(db, ids().map(event), { background: true })), twoRuns()]);
      }
    }
    await runAnalysis(db, { steps: [seeStep] });
    await expectEachSeenOnce();
  });

  it("a run whose lease was taken over commits nothing; the run that took it commits", async () => {
    await ingestEvents(db, [event("fence-1"), event("fence-2")]);
    const cursorBefore = (await db.prisma.cursor.findUnique({ where: { name: EXECUTIONS_CURSOR } }))?.position ?? 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let reached!: () => void;
    const atGate = new Promise<void>((r) => (reached = r));
    const stalled: AnalysisStep = {
      name: "stalls",
      run: async (ctx) => {
        const outcome = await seeStep.run(ctx);
        reached();
        await gate; // a long pause (GC, a stopped VM, a lost network): its lease runs out meanwhile
        return outcome;
      },
    };
    const a = runAnalysis(db, { steps: [stalled], leaseTtlMs: 60_000 }).then(
      (summary) => ({ summary, error: null as unknown }),
      (error: unknown) => ({ summary: null, error }),
    );
    await atGate;
    await db.prisma.lease.updateMany({ where: { name: ANALYSIS_LEASE }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const b = await runAnalysis(db, { steps: [seeStep] });
    expect(b.counts.seen).toBe(2);
    release();
    const outcome = await a;
    expect(outcome.error).toBeInstanceOf(LeaseLostError);
    expect(await db.prisma.auditEvent.count({ where: { action: "test.saw", targetId: { in: ["fence-1", "fence-2"] } } })).toBe(2); // b's rows only
    expect((await db.prisma.cursor.findUniqueOrThrow({ where: { name: EXECUTIONS_CURSOR } })).position).toBe(b.toSeq);
    expect(b.toSeq).toBeGreaterThan(cursorBefore);
    await expectEachSeenOnce();
  });
});
