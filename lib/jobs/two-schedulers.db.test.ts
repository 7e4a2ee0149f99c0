// Two scheduler processes (`patterns scheduler --once`, the scheduler module in a process of its own)
// start together on one fresh database, every job's schedule due since the app was down: each job runs
// exactly once between them, and the other process says why it did not run it.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { simulateAdHoc } from "../simulate/adhoc-scenarios";
import { simulateFailureScenarios } from "../simulate/failure-scenarios";
import { ingestEvents } from "../telemetry/ingest";
import type { DueOutcome } from "./due";

const bin = join(process.cwd(), "bin", "patterns.mjs");
const JOB_IDS = ["analyze", "report", "cleanup"];

function schedulerOnce(url: string): Promise<{ code: number | null; outcomes: DueOutcome[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, "scheduler", "--once", "--json"], { env: { ...process.env, DATABASE_URL: url } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      try {
        resolve({ code, outcomes: JSON.parse(stdout) as DueOutcome[], stderr });
      } catch {
        reject(new Error(`no JSON from the scheduler (exit ${code}): ${stdout} ${stderr}`));
      }
    });
  });
}

describe(`two scheduler processes on one ${testDialect()} database`, () => {
  let db: TestDb;
  const downSince = new Date(Date.now() - 45 * 86_400_000); // longer than the monthly schedule
  beforeAll(async () => {
    db = await createTestDb();
    // some telemetry, so the analysis holds its lease for a while
    const now = Date.now();
    const events = [...simulateFailureScenarios({ seed: 7, now }).events, ...simulateAdHoc({ seed: 7, now }).events];
    expect((await ingestEvents(db, events, { maxEvents: Number.POSITIVE_INFINITY })).ok).toBe(true);
    for (const jobId of JOB_IDS) {
      await db.prisma.jobRun.create({ data: { id: `before_${jobId}`, jobId, trigger: "schedule", status: "succeeded", scheduledFor: downSince, startedAt: downSince, finishedAt: downSince } });
    }
  }, 120_000);
  afterAll(async () => db?.destroy());

  it("runs each job exactly once", async () => {
    const [a, b] = await Promise.all([schedulerOnce(db.url), schedulerOnce(db.url)]);
    for (const jobId of JOB_IDS) {
      const runs = await db.prisma.jobRun.findMany({ where: { jobId, startedAt: { gt: downSince } } });
      expect(runs, jobId).toHaveLength(1);
      expect(runs[0]).toMatchObject({ trigger: "catch-up", finishedAt: expect.any(Date) });
      expect(["succeeded", "failed"]).toContain(runs[0]!.status); // report and cleanup may be placeholders that fail: still one run
      const said = [a, b].map((p) => p.outcomes.find((o) => o.jobId === jobId)!.result).sort();
      expect(said, jobId).toEqual(expect.arrayContaining(["ran"]));
      expect(said.filter((r) => r === "ran"), jobId).toHaveLength(1);
      expect(["busy", "done", "not-due"]).toContain(said.find((r) => r !== "ran")); // not-due: the other had finished it already
    }
    const analysis = await db.prisma.jobRun.findFirstOrThrow({ where: { jobId: "analyze", startedAt: { gt: downSince } } });
    expect(analysis.status).toBe("succeeded");
    expect(JSON.parse(analysis.details)).toMatchObject({ newExecutions: expect.any(Number) });
    expect(await db.prisma.analysisRun.count()).toBe(1);
    expect(await db.prisma.lease.count()).toBe(0);
    // a second pass finds nothing due
    const again = await schedulerOnce(db.url);
    expect(again.code).toBe(0);
    expect(again.outcomes.map((o) => o.result)).toEqual(["not-due", "not-due", "not-due"]);
  }, 120_000);
});
