// When a job is due: the latest time its schedule came due (at or before now) is later than the due time
// its last scheduled run covered. A job that never ran on schedule counts from the day the database was
// created, so a fresh install does not replay the past, and a due time missed while no scheduler ran is
// caught up as soon as one runs again ("catch-up").
import type { DbHandle } from "../db/client";
import { rawAll } from "../db/raw";
import { parseCron } from "../schemas/cron";
import type { Settings } from "../schemas/settings";
import { startJob, type FinishedRun, type StartResult } from "./start-job";
import type { JobDefinition } from "./types";

/** A due time noticed within this long counts as on time ("schedule"); later, as "catch-up". */
const ON_TIME_MS = 2 * 60_000;

export interface DueTimes {
  /** the latest due time at or before now, or null when the schedule has never come due */
  lastDue: Date | null;
  nextDue: Date | null;
}

export function dueTimes(expression: string, now: Date): DueTimes {
  const parsed = parseCron(expression);
  if ("error" in parsed) return { lastDue: null, nextDue: null };
  // previousRuns looks strictly before its reference: a due time exactly now is still "now"
  const lastDue = parsed.cron.previousRuns(1, new Date(now.getTime() + 1))[0] ?? null;
  return { lastDue, nextDue: parsed.cron.nextRun(now) };
}

/** When the database was created (its first migration): the start of history for a job that never ran. */
export async function databaseCreatedAt(db: DbHandle): Promise<Date | null> {
  const [row] = await rawAll<{ at: number | string | Date | null }>(db, "SELECT MIN(finished_at) AS at FROM _prisma_migrations");
  return row?.at == null ? null : new Date(row.at);
}

/** The due time to run for now, or null when the last one is covered already. */
export async function dueNow(db: DbHandle, job: JobDefinition, settings: Settings, now: Date): Promise<Date | null> {
  const { lastDue } = dueTimes(settings[job.scheduleKey], now);
  if (!lastDue) return null;
  // only runs that ended count: one still running either holds the lease (the start will find it busy)
  // or died, and is taken over once its lease has run out
  const last = await db.prisma.jobRun.findFirst({ where: { jobId: job.id, scheduledFor: { not: null }, status: { in: ["succeeded", "failed"] } }, orderBy: { scheduledFor: "desc" }, select: { scheduledFor: true } });
  const since = last?.scheduledFor ?? (await databaseCreatedAt(db));
  return since && lastDue > since ? lastDue : null;
}

export type DueStart = StartResult | { started: false; reason: "not-due"; message: string };

/** Starts the job if it is due; the lease and the recorded runs make this safe from any number of processes. */
export async function startIfDue(db: DbHandle, job: JobDefinition, settings: Settings, now = new Date()): Promise<DueStart> {
  const due = await dueNow(db, job, settings, now);
  if (!due) return { started: false, reason: "not-due", message: `job ${job.id} is not due` };
  const trigger = now.getTime() - due.getTime() <= ON_TIME_MS ? "schedule" : "catch-up";
  return startJob(db, job.id, { trigger, scheduledFor: due, now, definition: job });
}

export interface DueOutcome {
  jobId: string;
  result: "ran" | "busy" | "done" | "not-due";
  message: string;
  run?: FinishedRun;
}

/** Every due job, one after the other, each to its end (`patterns scheduler --once`). */
export async function runDueJobs(db: DbHandle, jobs: readonly JobDefinition[], settings: Settings, now = () => new Date()): Promise<DueOutcome[]> {
  const outcomes: DueOutcome[] = [];
  for (const job of jobs) {
    const start = await startIfDue(db, job, settings, now());
    if (!start.started) {
      outcomes.push({ jobId: job.id, result: start.reason, message: start.message });
      continue;
    }
    const run = await start.done;
    outcomes.push({ jobId: job.id, result: "ran", message: run.message, run });
  }
  return outcomes;
}
