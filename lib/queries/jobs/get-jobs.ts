// The Jobs page's read: each scheduled job with its schedule (a setting), when it comes due next, and
// its latest runs with how long they took, what they did or why they failed, and progress while running.
import type { DbHandle } from "../../db/client";
import { dueTimes } from "../../jobs/due";
import { JOBS } from "../../jobs/index";
import type { JobId, JobProgress, JobStatus, JobTrigger } from "../../jobs/types";
import { getSettings } from "../../schemas/settings";

const RUNS_SHOWN = 10;

export interface JobRunView {
  id: string;
  trigger: JobTrigger;
  status: JobStatus;
  message: string | null;
  error: string | null;
  progress: JobProgress | null;
  findings: string[];
  actor: string | null;
  scheduledFor: Date | null;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
}

export interface JobView {
  id: JobId;
  title: string;
  description: string;
  scheduleKey: string;
  schedule: string;
  nextDue: Date | null;
  running: boolean;
  runs: JobRunView[];
}

function parseJson(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function findingsOf(details: Record<string, unknown>): string[] {
  if (Array.isArray(details.findings)) return details.findings.map(String);
  if (Array.isArray(details.weeks)) return details.weeks.map((w: { week?: unknown; executions?: unknown }) => `${String(w.week)}: ${String(w.executions)} executions`);
  return [];
}

export async function getJobs(db: DbHandle, now = new Date()): Promise<JobView[]> {
  const settings = await getSettings(db);
  return Promise.all(
    JOBS.map(async (job) => {
      const rows = await db.prisma.jobRun.findMany({ where: { jobId: job.id }, orderBy: { startedAt: "desc" }, take: RUNS_SHOWN });
      const runs = rows.map((r): JobRunView => {
        const details = (parseJson(r.details) ?? {}) as Record<string, unknown>;
        return {
          id: r.id,
          trigger: r.trigger as JobTrigger,
          status: r.status as JobStatus,
          message: r.message,
          error: r.error,
          progress: r.status === "running" ? (parseJson(r.progress) as JobProgress | null) : null,
          findings: findingsOf(details),
          actor: typeof details.actor === "string" ? details.actor : null,
          scheduledFor: r.scheduledFor,
          startedAt: r.startedAt,
          finishedAt: r.finishedAt,
          durationMs: r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null,
        };
      });
      const schedule = settings[job.scheduleKey];
      return {
        id: job.id,
        title: job.title,
        description: job.description,
        scheduleKey: job.scheduleKey,
        schedule,
        nextDue: dueTimes(schedule, now).nextDue,
        running: runs.some((r) => r.status === "running"),
        runs,
      };
    }),
  );
}
