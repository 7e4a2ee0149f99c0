// `patterns analyze` killed with SIGKILL half way, as a person's kill -9 or an OOM kill would: nothing it
// found is written, the next run takes the lease back at once (its holder's process is gone), marks the
// dead run abandoned and finishes the job, ending where one uninterrupted run ends.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAnalysis } from "../analysis/run";
import { ANALYSIS_STEPS } from "../analysis/steps";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { simulateAdHoc } from "../simulate/adhoc-scenarios";
import { simulateFailureScenarios } from "../simulate/failure-scenarios";
import { ingestEvents } from "../telemetry/ingest";

const dialect = testDialect();
const bin = join(process.cwd(), "bin", "patterns.mjs");
const NOW = Date.now();

/** What an analysis leaves behind, in a comparable form. */
async function findings(db: TestDb) {
  const [candidates, antiPatterns, errorPatterns, outageCells, shapes, cursor, patterns] = await Promise.all([
    db.prisma.patternCandidate.findMany({ select: { groupKey: true, status: true, evidenceCount: true }, orderBy: { groupKey: "asc" } }),
    db.prisma.antiPattern.findMany({ select: { key: true, status: true, occurrences: true }, orderBy: { key: "asc" } }),
    db.prisma.errorPattern.findMany({ select: { id: true, attempts: true, successes: true, autoApply: true }, orderBy: { id: "asc" } }),
    db.prisma.outageCell.findMany({ select: { id: true }, orderBy: { id: "asc" } }),
    db.prisma.adHocShape.count(),
    db.prisma.cursor.findMany({ select: { name: true, position: true } }),
    db.prisma.pattern.findMany({ select: { id: true, status: true, degrading: true }, orderBy: { id: "asc" } }),
  ]);
  return { candidates, antiPatterns, errorPatterns, outageCells, shapes, cursor, patterns };
}

describe(`patterns analyze killed half way on ${dialect}`, () => {
  let killed: TestDb;
  let calm: TestDb;
  beforeAll(async () => {
    [killed, calm] = [await createTestDb(), await createTestDb()];
    // enough telemetry that a run takes a while: four weeks of failure scenarios and ad-hoc work, twice over
    const events = [1, 2].flatMap((seed) => [
      ...simulateFailureScenarios({ seed, now: NOW }).events.map((e) => ({ ...e, id: `s${seed}-${e.id}`, ...(e.retryOf ? { retryOf: `s${seed}-${e.retryOf}` } : {}) })),
      ...simulateAdHoc({ seed, now: NOW }).events.map((e) => ({ ...e, id: `s${seed}-${e.id}` })),
    ]);
    for (const db of [killed, calm]) {
      const out = await ingestEvents(db, events, { maxEvents: Number.POSITIVE_INFINITY, now: NOW });
      expect(out.ok).toBe(true);
    }
  });
  afterAll(async () => {
    await killed?.destroy();
    await calm?.destroy();
  });

  it("leaves nothing half-written, and the next run finishes the job", async () => {
    const before = await findings(killed);
    const child = spawn(process.execPath, [bin, "analyze", "--json"], { env: { ...process.env, DATABASE_URL: killed.url }, stdio: "ignore" });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    // kill it as soon as its run is under way (it has the lease and its run record says "running")
    let running = null;
    for (let i = 0; i < 1000 && !running; i++) {
      running = await killed.prisma.analysisRun.findFirst({ where: { status: "running" } });
      if (!running) await new Promise((r) => setTimeout(r, 10));
    }
    expect(running).not.toBeNull();
    await new Promise((r) => setTimeout(r, 100)); // most likely into its steps; wherever it dies before its commit, nothing may be there
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    // killed before its one transaction committed: the run is still "running" and nothing it found is there
    expect(await killed.prisma.analysisRun.findUniqueOrThrow({ where: { id: running!.id } })).toMatchObject({ status: "running" });
    expect(await findings(killed)).toEqual(before);
    expect(await killed.prisma.lease.count()).toBe(1); // the dead process's lease, not yet expired

    const next = await runAnalysis(killed, { steps: ANALYSIS_STEPS, now: new Date(NOW) });
    expect(next.fromSeq).toBe(0);
    expect(await killed.prisma.analysisRun.findUniqueOrThrow({ where: { id: running!.id } })).toMatchObject({ status: "abandoned" });

    await runAnalysis(calm, { steps: ANALYSIS_STEPS, now: new Date(NOW) });
    const [after, reference] = [await findings(killed), await findings(calm)];
    expect(after.candidates.length).toBeGreaterThan(0);
    expect(after.antiPatterns.length).toBeGreaterThan(0);
    expect(after).toEqual(reference);
  });
});
