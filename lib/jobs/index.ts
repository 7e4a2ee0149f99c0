// The scheduled jobs, in the order the Jobs page lists them.
import { analyzeJob } from "./definitions/analyze";
import { cleanupJob } from "./definitions/cleanup";
import { reportJob } from "./definitions/report";
import type { JobDefinition, JobId } from "./types";

export const JOBS: readonly JobDefinition[] = [analyzeJob, reportJob, cleanupJob];

export function getJob(id: string): JobDefinition | undefined {
  return JOBS.find((j) => j.id === id);
}

export function isJobId(id: string): id is JobId {
  return getJob(id) !== undefined;
}
