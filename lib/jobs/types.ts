// What a scheduled job is: an id, the setting that holds its schedule, and one handler that every
// trigger (in-app scheduler, `patterns run-job`, the cron route, "Run now") calls the same way.
import type { DbHandle } from "../db/client";
import type { Settings } from "../schemas/settings";

export const JOB_IDS = ["analyze", "report", "cleanup"] as const;
export type JobId = (typeof JOB_IDS)[number];

/** schedule: the due time came while the scheduler ran; catch-up: it came while no scheduler ran. */
export const JOB_TRIGGERS = ["schedule", "catch-up", "manual", "cli", "cron"] as const;
export type JobTrigger = (typeof JOB_TRIGGERS)[number];

export type JobStatus = "running" | "succeeded" | "failed" | "abandoned";

export interface JobProgress {
  step: string;
  done: number;
  total: number;
}

export interface JobContext {
  db: DbHandle;
  now: Date;
  trigger: JobTrigger;
  /** who asked: "system" for the scheduler, a token or person otherwise */
  actor: string;
  /** the due time this run covers (scheduled and catch-up runs), and the one the last such run that succeeded covered */
  scheduledFor: Date | null;
  previousScheduledFor: Date | null;
  /** the latest progress, shown on the Jobs page while the run lasts */
  progress: (p: JobProgress) => void;
}

export interface JobOutcome {
  /** one line: what it did */
  message: string;
  /** what it found or changed, as JSON-ready data */
  details: Record<string, unknown>;
}

export interface JobDefinition {
  id: JobId;
  title: string;
  description: string;
  scheduleKey: keyof Settings & `${string}Schedule`;
  run: (ctx: JobContext) => Promise<JobOutcome>;
}
