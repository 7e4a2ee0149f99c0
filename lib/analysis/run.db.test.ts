import { spawnSync } from "node:child_process";
import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { ingestEvents } from "../telemetry/ingest";
import { newHolder, tryAcquireLease } from "./lease";
import { AnalysisBusyError, ANALYSIS_LEASE, EXECUTIONS_CURSOR, runAnalysis } from "./run";
import type { AnalysisStep } from "./types";

const dialect = testDialect();
const event = (id: string) => ({ id, operation: "op", startedAt: "2026-11-20T10:00:00Z", durationMs: 1, success: true });

/** A step that writes one audit row per new execution it saw, so tests can see what was persisted. */
const auditStep: AnalysisStep = {
  name: "audit",
  run: async (ctx) => {
    const seen = await ctx.db.prisma.execution.findMany({ where: { seq: { gt: ctx.fromSeq, lte: ctx.toSeq } }, select: { id: true } });
    return {
      counts: { seen: seen.length },
      findings: [`saw ${seen.length}`],
      persist: async (tx) => {
        for (const s of seen) {
          await tx.auditEvent.create({ data: { id: `t_${ctx.runId}_${s.id}`, at: ctx.now, actor: "system", action: "test.saw", targetType: "execution", targetId: s.id } });
        }
      },
    };
  },
};

describe(`the analysis run on ${dialect}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db?.destroy());

  it("reads only what is new since the last run", async () => {
    await ingestEvents(db, [event("r1"), event("r2")]);
    const first = await runAnalysis(db, { steps: [auditStep] });
    expect(first.counts.seen).toBe(2);
    await ingestEvents(db, [event("r3")]);
    const second = await runAnalysis(db, { steps: [auditStep] });
    expect(second.counts.seen).toBe(1);
    const third = await runAnalysis(db, { steps: [auditStep] });
    expect(third.counts.seen).toBe(0);
    expect(await db.prisma.auditEvent.count({ where: { action: "test.saw" } })).toBe(3);
    expect(await db.prisma.analysisRun.count({ where: { status: "succeeded" } })).toBe(3);
  });

  it("refuses a second run while one holds the lease, saying so", async () => {
    const other = await tryAcquireLease(db, ANALYSIS_LEASE, 60_000, "other-host:1");
    expect(other).not.toBeNull();
    await expect(runAnalysis(db, { steps: [auditStep] })).rejects.toThrow(AnalysisBusyError);
    await expect(runAnalysis(db, { steps: [auditStep] })).rejects.toThrow(/another analysis is running \(other-host:1/);
    await other!.release();
    await expect(runAnalysis(db, { steps: [auditStep] })).resolves.toMatchObject({ newExecutions: 0 });
  });

  it("takes over a lease whose holder died (expired)", async () => {
    const dead = await tryAcquireLease(db, ANALYSIS_LEASE, 1, "dead-host:1", new Date(Date.now() - 10_000));
    expect(dead).not.toBeNull();
    await expect(runAnalysis(db, { steps: [auditStep] })).resolves.toBeTruthy();
  });

  it("takes over at once the lease of a process of this machine that is gone, not of one that is alive", async () => {
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    const [host, , namespace] = newHolder().split(":");
    expect(host).toBe(hostname());
    const deadHolder = `${host}:${gone.stdout}:${namespace}:dead`;
    expect(await tryAcquireLease(db, ANALYSIS_LEASE, 60_000, deadHolder)).not.toBeNull();
    await expect(runAnalysis(db, { steps: [auditStep] })).resolves.toBeTruthy();
    // the same pid in another PID namespace (another container with this hostname) is not ours to judge
    const elsewhere = await tryAcquireLease(db, ANALYSIS_LEASE, 60_000, `${host}:${gone.stdout}:1${namespace}:other`);
    expect(elsewhere).not.toBeNull();
    await expect(runAnalysis(db, { steps: [auditStep] })).rejects.toThrow(AnalysisBusyError);
    await elsewhere!.release();
    const alive = await tryAcquireLease(db, ANALYSIS_LEASE, 60_000, `${host}:${process.ppid}:${namespace}:alive`);
    expect(alive).not.toBeNull();
    await expect(runAnalysis(db, { steps: [auditStep] })).rejects.toThrow(AnalysisBusyError);
    await alive!.release();
  });

  it("commits nothing when persisting fails half way; the next run finishes the job", async () => {
    await ingestEvents(db, [event("f1"), event("f2")]);
    const cursorBefore = (await db.prisma.cursor.findUniqueOrThrow({ where: { name: EXECUTIONS_CURSOR } })).position;
    const failing: AnalysisStep = {
      name: "fails-after-writing",
      run: async (ctx) => {
        const inner = await auditStep.run(ctx);
        return { ...inner, persist: async (tx) => { await inner.persist(tx); throw new Error("disk full"); } };
      },
    };
    await expect(runAnalysis(db, { steps: [failing] })).rejects.toThrow("disk full");
    expect(await db.prisma.auditEvent.count({ where: { action: "test.saw", targetId: { in: ["f1", "f2"] } } })).toBe(0);
    expect((await db.prisma.cursor.findUniqueOrThrow({ where: { name: EXECUTIONS_CURSOR } })).position).toBe(cursorBefore);
    expect(await db.prisma.analysisRun.count({ where: { status: "failed" } })).toBe(1);
    const retry = await runAnalysis(db, { steps: [auditStep] });
    expect(retry.counts.seen).toBe(2);
  });
});
