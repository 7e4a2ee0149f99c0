// Starting one run of a job: take the job's lease, make sure its due time is not already covered, record
// the run, then run it with the lease renewed while it lasts. One function for every trigger, so a run from
// the scheduler, the CLI, the cron route or "Run now" is recorded and guarded the same way.
import { randomUUID } from "node:crypto";
import { describeLease, newHolder, tryAcquireLease } from "../analysis/lease";
import { auditRow } from "../audit/audit";
import type { DbHandle } from "../db/client";
import { logger, withLogContext } from "../log/logger";
import { getJob } from "./index";
import { progressWriter } from "./progress-writer";
import type { JobDefinition, JobId, JobTrigger } from "./types";

export const JOB_LEASE_TTL_MS = 5 * 60_000;
const MAX_ERROR = 2000;

export const jobLeaseName = (id: JobId) => `job.${id}`;

export interface StartOptions {
  trigger: JobTrigger;
  actor?: string;
  /** the due time this run covers; a run for it that already ended makes this one "already done" */
  scheduledFor?: Date | null;
  holder?: string;
  now?: Date;
  /** replaces the job's handler (tests) */
  definition?: JobDefinition;
}

export interface FinishedRun {
  id: string;
  jobId: JobId;
  status: "succeeded" | "failed";
  message: string;
  details: Record<string, unknown>;
  error: string | null;
  startedAt: Date;
  finishedAt: Date;
}

export type StartResult =
  | { started: true; runId: string; done: Promise<FinishedRun> }
  | { started: false; reason: "busy"; holder: string | null; message: string }
  | { started: false; reason: "done"; message: string };

export class UnknownJobError extends Error {
  override name = "UnknownJobError";
}

/** Resolves once the run is recorded as running; `done` resolves when it has ended (it never rejects). */
export async function startJob(db: DbHandle, jobId: string, opts: StartOptions): Promise<StartResult> {
  const job = opts.definition ?? getJob(jobId);
  if (!job) throw new UnknownJobError(`unknown job "${jobId}" (known: analyze, report, cleanup)`);
  const holder = opts.holder ?? newHolder();
  const lease = await tryAcquireLease(db, jobLeaseName(job.id), JOB_LEASE_TTL_MS, holder);
  if (!lease) {
    const held = await describeLease(db, jobLeaseName(job.id));
    return { started: false, reason: "busy", holder: held?.holder ?? null, message: `job ${job.id} is already running (${held?.holder ?? "another process"})` };
  }
  const now = opts.now ?? new Date();
  const scheduledFor = opts.scheduledFor ?? null;
  const runId = `job_${randomUUID()}`;
  let previousScheduledFor: Date | null = null;
  try {
    // We hold the lease, so a run still marked running belongs to a holder that lost it: it died.
    await db.prisma.jobRun.updateMany({ where: { jobId: job.id, status: "running" }, data: { status: "abandoned", error: "its process stopped before the run ended", finishedAt: now } });
    if (scheduledFor) {
      const covered = await db.prisma.jobRun.findFirst({ where: { jobId: job.id, scheduledFor: { gte: scheduledFor }, status: { in: ["succeeded", "failed"] } }, select: { id: true } });
      if (covered) {
        await lease.release();
        return { started: false, reason: "done", message: `job ${job.id} already ran for ${scheduledFor.toISOString()}` };
      }
      const previous = await db.prisma.jobRun.findFirst({ where: { jobId: job.id, scheduledFor: { not: null }, status: "succeeded" }, orderBy: { scheduledFor: "desc" }, select: { scheduledFor: true } });
      previousScheduledFor = previous?.scheduledFor ?? null;
    }
    const actor = opts.actor ?? "system";
    const manual = scheduledFor === null;
    await db.prisma.$transaction([
      db.prisma.jobRun.create({ data: { id: runId, jobId: job.id, trigger: opts.trigger, status: "running", holder, scheduledFor, startedAt: now, details: JSON.stringify({ actor }) } }),
      // a person's or a program's request is a decision worth the activity log; the scheduler's runs are in job_runs
      ...(manual ? [db.prisma.auditEvent.create({ data: auditRow({ at: now, actor, action: "job.run", target: { type: "job", id: job.id }, details: { runId, trigger: opts.trigger } }) })] : []),
    ]);
  } catch (error) {
    await lease.release().catch(() => {});
    throw error;
  }

  const done = withLogContext({ jobId: job.id, jobRunId: runId }, async (): Promise<FinishedRun> => {
    const t0 = performance.now();
    logger().info({ trigger: opts.trigger, scheduledFor }, "job started");
    let leaseLost = false;
    const heartbeat = setInterval(() => {
      void lease.renew().then((ok) => (leaseLost ||= !ok), () => {});
    }, JOB_LEASE_TTL_MS / 3);
    const progress = progressWriter(db, runId);
    const actor = opts.actor ?? "system";
    let finished: FinishedRun;
    try {
      const outcome = await job.run({ db, now, trigger: opts.trigger, actor, scheduledFor, previousScheduledFor, progress: progress.write });
      finished = { id: runId, jobId: job.id, status: "succeeded", message: outcome.message, details: { actor, ...outcome.details }, error: null, startedAt: now, finishedAt: new Date() };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      const oneLine = text.split("\n").find((l) => l.trim()) ?? "failed";
      finished = { id: runId, jobId: job.id, status: "failed", message: `failed: ${oneLine.slice(0, 300)}`, details: { actor }, error: (error instanceof Error && error.stack ? error.stack : text).slice(0, MAX_ERROR), startedAt: now, finishedAt: new Date() };
    } finally {
      clearInterval(heartbeat);
    }
    if (leaseLost) finished.details.leaseLost = true;
    try {
      await progress.flush();
      await db.prisma.jobRun.update({
        where: { id: runId },
        data: { status: finished.status, message: finished.message, details: JSON.stringify(finished.details), error: finished.error, finishedAt: finished.finishedAt },
      });
    } catch (error) {
      logger().error({ err: error }, "could not record the end of the job run");
    } finally {
      await lease.release().catch(() => {});
    }
    const line = { status: finished.status, ms: Math.round(performance.now() - t0), analysisRunId: finished.details.analysisRunId, leaseLost: leaseLost || undefined };
    if (finished.status === "failed") logger().error({ ...line, error: finished.message }, "job failed");
    else logger().info({ ...line, message: finished.message }, "job finished");
    return finished;
  });
  return { started: true, runId, done };
}
