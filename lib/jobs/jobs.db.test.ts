// The job runner against a real database: one run per due time however many schedulers ask, a dead
// holder's run taken over after its lease, catch-up after downtime, failures and progress recorded.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { DEFAULTS, getSettings } from "../schemas/settings";
import { SettingError, updateSetting } from "../mutations/update-setting";
import { ingestEvents } from "../telemetry/ingest";
import { analyzeJob } from "./definitions/analyze";
import { databaseCreatedAt, dueTimes, startIfDue } from "./due";
import { startScheduler } from "./scheduler";
import { jobLeaseName, startJob } from "./start-job";
import type { JobContext, JobDefinition } from "./types";

const dialect = testDialect();
const settings = { ...DEFAULTS, analyzeSchedule: "0 */6 * * *" };
const at = (iso: string) => new Date(iso);

/** A stand-in for the analysis job that runs until the test lets it finish. */
function gatedJob() {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const calls: JobContext[] = [];
  const job: JobDefinition = {
    ...analyzeJob,
    run: async (ctx) => {
      calls.push(ctx);
      ctx.progress({ step: "waiting", done: 1, total: 2 });
      await gate;
      return { message: "did it", details: { n: calls.length } };
    },
  };
  return { job, calls, release };
}

describe(`scheduled jobs on ${dialect}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db?.destroy());
  beforeEach(async () => {
    await db.prisma.jobRun.deleteMany();
    await db.prisma.lease.deleteMany();
  });

  const seedScheduledRun = (scheduledFor: Date, status = "succeeded") =>
    db.prisma.jobRun.create({ data: { id: `seed_${scheduledFor.getTime()}_${status}`, jobId: "analyze", trigger: "schedule", status, scheduledFor, startedAt: scheduledFor, finishedAt: status === "running" ? null : scheduledFor } });

  it("runs a due time once however many schedulers ask, and only once it has come", async () => {
    await seedScheduledRun(at("2026-11-20T06:00:00Z"));
    const now = at("2026-11-20T12:00:20Z");
    const { job, calls, release } = gatedJob();
    const starts = await Promise.all([1, 2, 3, 4].map(() => startIfDue(db, job, settings, now)));
    const started = starts.filter((s) => s.started);
    expect(started).toHaveLength(1);
    expect(starts.filter((s) => !s.started).map((s) => !s.started && s.reason)).toEqual(["busy", "busy", "busy"]);
    // while it runs, its progress is there to see
    const running = await db.prisma.jobRun.findFirstOrThrow({ where: { status: "running" } });
    await expect.poll(async () => (await db.prisma.jobRun.findUniqueOrThrow({ where: { id: running.id } })).progress).toBe(JSON.stringify({ step: "waiting", done: 1, total: 2 }));
    release();
    const run = started[0]!.started ? await started[0]!.done : null;
    expect(run).toMatchObject({ status: "succeeded", message: "did it" });
    expect(await startIfDue(db, job, settings, now)).toMatchObject({ started: false, reason: "not-due" });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ trigger: "schedule", scheduledFor: at("2026-11-20T12:00:00Z"), previousScheduledFor: at("2026-11-20T06:00:00Z") });
    const rows = await db.prisma.jobRun.findMany({ where: { scheduledFor: at("2026-11-20T12:00:00Z") } });
    expect(rows).toEqual([expect.objectContaining({ status: "succeeded", trigger: "schedule", message: "did it", finishedAt: expect.any(Date), holder: expect.any(String) })]);
    expect(JSON.parse(rows[0]!.details)).toEqual({ actor: "system", n: 1 });
    expect(await db.prisma.lease.count()).toBe(0);
    // the next due time has not come yet
    expect(await startIfDue(db, job, settings, at("2026-11-20T17:59:59Z"))).toMatchObject({ reason: "not-due" });
  });

  it("catches up on a due time missed while no scheduler ran, once, for the latest due time", async () => {
    await seedScheduledRun(at("2026-11-18T00:00:00Z"));
    const { job, calls, release } = gatedJob();
    release();
    const now = at("2026-11-20T14:41:00Z"); // three days down: the 12:00 due time is the one to run
    const start = await startIfDue(db, job, settings, now);
    expect(start.started).toBe(true);
    if (start.started) expect(await start.done).toMatchObject({ status: "succeeded" });
    expect(calls.map((c) => [c.trigger, c.scheduledFor])).toEqual([["catch-up", at("2026-11-20T12:00:00Z")]]);
    expect(await startIfDue(db, job, settings, now)).toMatchObject({ reason: "not-due" });
  });

  it("on a new database counts from its creation: nothing from before it is replayed", async () => {
    const created = (await databaseCreatedAt(db))!;
    expect(Math.abs(created.getTime() - Date.now())).toBeLessThan(10 * 60_000);
    const { job, calls, release } = gatedJob();
    release();
    expect(await startIfDue(db, job, settings, created)).toMatchObject({ reason: "not-due" });
    const firstDue = dueTimes(settings.analyzeSchedule, created).nextDue!;
    const start = await startIfDue(db, job, settings, new Date(firstDue.getTime() + 1000));
    expect(start.started).toBe(true);
    if (start.started) await start.done;
    expect(calls.map((c) => [c.trigger, c.scheduledFor, c.previousScheduledFor])).toEqual([["schedule", firstDue, null]]);
  });

  it("takes over the run of a holder that died once its lease has run out", async () => {
    const due = at("2026-11-20T12:00:00Z");
    await seedScheduledRun(at("2026-11-20T06:00:00Z"));
    await seedScheduledRun(due, "running"); // its process was killed half way
    const dead = "far-host:4242:1:deadbeef";
    await db.prisma.lease.create({ data: { name: jobLeaseName("analyze"), holder: dead, expiresAt: new Date(Date.now() + 60_000) } });
    const { job, calls, release } = gatedJob();
    release();
    const now = at("2026-11-20T12:03:00Z");
    expect(await startIfDue(db, job, settings, now)).toMatchObject({ started: false, reason: "busy", holder: dead });
    await db.prisma.lease.update({ where: { name: jobLeaseName("analyze") }, data: { expiresAt: new Date(Date.now() - 1) } });
    const start = await startIfDue(db, job, settings, now);
    expect(start.started).toBe(true);
    if (start.started) await start.done;
    expect(calls).toHaveLength(1);
    const rows = await db.prisma.jobRun.findMany({ where: { scheduledFor: due }, orderBy: { startedAt: "asc" } });
    expect(rows.map((r) => r.status).sort()).toEqual(["abandoned", "succeeded"]);
  });

  it("records a failure with its reason, releases the lease, and counts the due time as done", async () => {
    await seedScheduledRun(at("2026-11-20T06:00:00Z"));
    const failing: JobDefinition = { ...analyzeJob, run: async () => { throw new Error("disk full\nat somewhere"); } };
    const start = await startIfDue(db, failing, settings, at("2026-11-20T12:00:05Z"));
    const run = start.started ? await start.done : null;
    expect(run).toMatchObject({ status: "failed", message: "failed: disk full" });
    const row = await db.prisma.jobRun.findUniqueOrThrow({ where: { id: run!.id } });
    expect(row).toMatchObject({ status: "failed", message: "failed: disk full", finishedAt: expect.any(Date) });
    expect(row.error).toContain("disk full");
    expect(await db.prisma.lease.count()).toBe(0);
    expect(await startIfDue(db, failing, settings, at("2026-11-20T12:05:00Z"))).toMatchObject({ reason: "not-due" });
  });

  it("runs a job on request at any time, recorded with who asked, and refuses while it runs", async () => {
    const { job, release } = gatedJob();
    const first = await startJob(db, "analyze", { trigger: "manual", actor: "ana", definition: job });
    expect(first.started).toBe(true);
    expect(await startJob(db, "analyze", { trigger: "cli", definition: job })).toMatchObject({ started: false, reason: "busy" });
    release();
    if (first.started) expect(await first.done).toMatchObject({ status: "succeeded", details: { actor: "ana", n: 1 } });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "job.run", actor: "ana" } });
    expect(audit).toMatchObject({ targetType: "job", targetId: "analyze" });
    expect(await db.prisma.jobRun.findFirstOrThrow({ where: { trigger: "manual" } })).toMatchObject({ scheduledFor: null, status: "succeeded" });
  });

  it("the real analysis job analyses what arrived and says what it did", async () => {
    const events = [1, 2, 3].map((n) => ({ id: `jobs-${n}`, operation: "op", startedAt: "2026-11-20T10:00:00Z", durationMs: 5, success: true }));
    expect((await ingestEvents(db, events)).ok).toBe(true);
    const start = await startJob(db, "analyze", { trigger: "cli", actor: "test" });
    const run = start.started ? await start.done : null;
    expect(run).toMatchObject({ status: "succeeded", details: { newExecutions: 3 } });
    expect(run!.message).toMatch(/^analysed 3 new executions/);
    const analysis = await db.prisma.analysisRun.findUniqueOrThrow({ where: { id: run!.details.analysisRunId as string } });
    expect(analysis).toMatchObject({ trigger: "cli", status: "succeeded" });
  });

  it("the scheduler's first check catches up every job that missed its due time", async () => {
    // a clock hours past every default due time: at the real time the test could start within the 2 minutes
    // after one (analyze is due every 6 hours), when that job's run is on time, not a catch-up
    const clock = () => new Date("2026-11-25T14:07:00Z");
    const previous = new Date(clock().getTime() - 40 * 86_400_000); // before any schedule's last due time
    for (const jobId of ["analyze", "report", "cleanup"]) {
      await db.prisma.jobRun.create({ data: { id: `seed_${jobId}`, jobId, trigger: "schedule", status: "succeeded", scheduledFor: previous, startedAt: previous } });
    }
    const names: string[] = [];
    const fake = (id: "analyze" | "report" | "cleanup"): JobDefinition => ({ ...analyzeJob, id, scheduleKey: `${id}Schedule`, run: async (ctx) => (names.push(`${id}:${ctx.trigger}`), { message: "ok", details: {} }) });
    const scheduler = startScheduler(db, { jobs: [fake("analyze"), fake("report"), fake("cleanup")], log: { info: () => {}, error: () => {} }, now: clock });
    await scheduler.stop(); // waits for its first check and what it started
    expect(names.sort()).toEqual(["analyze:catch-up", "cleanup:catch-up", "report:catch-up"]);
    expect(await db.prisma.jobRun.count({ where: { trigger: "catch-up", status: "succeeded" } })).toBe(3);
  });

  it("takes its schedule from settings: a valid cron is stored and audited, anything else writes nothing", async () => {
    await expect(updateSetting(db, "reportSchedule", "30 25 * * 1", "ana")).rejects.toThrow(SettingError);
    await expect(updateSetting(db, "reportSchedule", "30 25 * * 1", "ana")).rejects.toThrow(/reportSchedule: "30 25 \* \* 1" is not a cron schedule/);
    expect(await db.prisma.setting.count({ where: { key: "reportSchedule" } })).toBe(0);
    await updateSetting(db, "reportSchedule", "0 7 * * 1", "ana");
    expect((await getSettings(db)).reportSchedule).toBe("0 7 * * 1");
    expect(await db.prisma.auditEvent.count({ where: { action: "setting.update", targetId: "reportSchedule", actor: "ana" } })).toBe(1);
    expect(dueTimes((await getSettings(db)).reportSchedule, at("2026-12-01T10:00:00Z")).lastDue).toEqual(at("2026-11-30T07:00:00Z"));
  });
});
