// The scheduler inside the web app: started once per server process by instrumentation.ts (Node.js
// runtime, never during `next build`), unless PATTERNS_SCHEDULER=off (tests, or teams that use cron).
import { getDb } from "../db/client";
import { startScheduler, type Scheduler } from "./scheduler";

export type SchedulerState = "running" | "off";

const globalForScheduler = globalThis as unknown as { patternsScheduler?: Scheduler };

export function schedulerDisabled(): boolean {
  return (process.env.PATTERNS_SCHEDULER ?? "").toLowerCase() === "off";
}

export function startInAppScheduler(): void {
  if (schedulerDisabled() || globalForScheduler.patternsScheduler) return;
  globalForScheduler.patternsScheduler = startScheduler(getDb());
}

/** Whether this server process runs the schedule (what the Jobs page says). */
export function schedulerState(): SchedulerState {
  return globalForScheduler.patternsScheduler ? "running" : "off";
}

/** Stops ticking and waits for the runs under way (the server's shutdown). */
export async function stopInAppScheduler(): Promise<void> {
  const scheduler = globalForScheduler.patternsScheduler;
  globalForScheduler.patternsScheduler = undefined;
  await scheduler?.stop();
}
