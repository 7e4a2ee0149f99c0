// One analysis run: take the lease, read what is new since the cursor, let every step find what it finds,
// then persist all findings, the new cursor and the run record in ONE transaction. A run killed half way
// commits nothing; the next run starts from the old cursor and finishes the job. The cursor only moves to
// a seq below which every execution has committed (lib/telemetry/in-flight.ts), so a transaction that
// commits late is read by the next run, never skipped. The persisting transaction first checks that the
// lease is still this run's (fencing): a run whose lease was taken over commits nothing.
import { randomUUID } from "node:crypto";
import type { DbHandle } from "../db/client";
import { getSettings } from "../schemas/settings";
import { settledSeq } from "../telemetry/in-flight";
import { describeLease, LeaseLostError, tryAcquireLease } from "./lease";
import { startSharedReads } from "./pattern-runs";
import type { AnalysisStep, StepOutcome } from "./types";

export const ANALYSIS_LEASE = "analysis";
export const EXECUTIONS_CURSOR = "analysis.executions";
export const LEASE_TTL_MS = 5 * 60_000;

export class AnalysisBusyError extends Error {
  override name = "AnalysisBusyError";
}

export interface AnalysisSummary {
  runId: string;
  fromSeq: number;
  toSeq: number;
  newExecutions: number;
  counts: Record<string, number>;
  findings: string[];
  durationMs: number;
}

export interface RunOptions {
  trigger?: string;
  now?: Date;
  steps: AnalysisStep[];
  /** Wait for a running analysis to finish instead of failing (polls the lease). */
  waitMs?: number;
  /** Called as each step starts, then once more before the findings are written (index = steps.length). */
  onStep?: (name: string, index: number, total: number) => void;
  /** How long the lease lasts between heartbeats (tests shorten it to race a takeover). */
  leaseTtlMs?: number;
}

async function acquire(db: DbHandle, waitMs: number, ttlMs: number) {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const lease = await tryAcquireLease(db, ANALYSIS_LEASE, ttlMs);
    if (lease) return lease;
    if (Date.now() >= deadline) {
      const held = await describeLease(db, ANALYSIS_LEASE);
      throw new AnalysisBusyError(`another analysis is running (${held?.holder ?? "unknown holder"}, lease until ${held?.expiresAt.toISOString() ?? "?"}); try again when it ends`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function runAnalysis(db: DbHandle, opts: RunOptions): Promise<AnalysisSummary> {
  const started = Date.now();
  const ttlMs = opts.leaseTtlMs ?? LEASE_TTL_MS;
  const lease = await acquire(db, opts.waitMs ?? 0, ttlMs);
  const heartbeat = setInterval(() => void lease.renew().catch(() => {}), ttlMs / 3);
  const runId = `run_${randomUUID()}`;
  const now = opts.now ?? new Date();
  try {
    // Runs that died without finishing (killed, crashed) are marked so, not left "running" forever.
    await db.prisma.analysisRun.updateMany({ where: { status: "running" }, data: { status: "abandoned", finishedAt: now } });
    const fromSeq = (await db.prisma.cursor.findUnique({ where: { name: EXECUTIONS_CURSOR } }))?.position ?? 0;
    const toSeq = Math.max(fromSeq, await settledSeq(db));
    await db.prisma.analysisRun.create({ data: { id: runId, trigger: opts.trigger ?? "cli", status: "running", fromSeq, toSeq, startedAt: now } });
    const settings = await getSettings(db);
    const outcomes: StepOutcome[] = [];
    const ctx = { db, now, fromSeq, toSeq, settings, runId }; // one object: steps share per-run reads through it
    startSharedReads(ctx);
    for (const [i, step] of opts.steps.entries()) {
      opts.onStep?.(step.name, i, opts.steps.length + 1); // + 1: writing what was found
      outcomes.push(await step.run(ctx));
    }
    const counts: Record<string, number> = {};
    for (const o of outcomes) for (const [k, v] of Object.entries(o.counts)) counts[k] = (counts[k] ?? 0) + v;
    opts.onStep?.("writing what was found", opts.steps.length, opts.steps.length + 1);
    const finishedAt = new Date(now.getTime() + (Date.now() - started));
    await db.prisma.$transaction(
      async (tx) => {
        // fencing: this run's lease, held to the commit (the row stays locked), or nothing is written
        if (!(await lease.holdIn(tx))) {
          const now = await tx.lease.findUnique({ where: { name: ANALYSIS_LEASE }, select: { holder: true } });
          throw new LeaseLostError(`the analysis lease was taken over (by ${now?.holder ?? "another run"}); this run wrote nothing`);
        }
        for (const o of outcomes) await o.persist(tx);
        await tx.cursor.upsert({ where: { name: EXECUTIONS_CURSOR }, create: { name: EXECUTIONS_CURSOR, position: toSeq }, update: { position: toSeq } });
        await tx.analysisRun.update({ where: { id: runId }, data: { status: "succeeded", counts: JSON.stringify(counts), finishedAt } });
      },
      { timeout: 10 * 60_000, maxWait: 60_000 },
    );
    return { runId, fromSeq, toSeq, newExecutions: toSeq - fromSeq, counts, findings: outcomes.flatMap((o) => o.findings), durationMs: Date.now() - started };
  } catch (error) {
    await db.prisma.analysisRun
      .updateMany({ where: { id: runId, status: "running" }, data: { status: "failed", error: error instanceof Error ? error.message.slice(0, 2000) : String(error), finishedAt: new Date() } })
      .catch(() => {});
    throw error;
  } finally {
    clearInterval(heartbeat);
    await lease.release().catch(() => {});
  }
}
