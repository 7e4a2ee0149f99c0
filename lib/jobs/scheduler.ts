// The scheduler: a croner tick at the start of every minute checks each job against its schedule (read
// from settings on each tick, so a changed schedule applies within a minute) and starts the due ones.
// The first check runs at start, which is what catches up on due times missed while nothing ran.
// Several schedulers (app instances, `patterns scheduler` processes) may run on one database: the job's
// lease and its recorded runs make each due time run once.
import { Cron } from "croner";
import type { DbHandle } from "../db/client";
import { logger } from "../log/logger";
import { getSettings } from "../schemas/settings";
import { startIfDue } from "./due";
import { JOBS } from "./index";
import type { JobDefinition, JobId } from "./types";

export interface SchedulerLog {
  info: (line: string) => void;
  error: (line: string, error?: unknown) => void;
}

export interface Scheduler {
  /** stops ticking and waits for the check under way and the runs it started to end */
  stop: () => Promise<void>;
}

/** `now`: the clock due times are judged by (tests pin it; a real scheduler reads the time). */
export function startScheduler(db: DbHandle, opts: { jobs?: readonly JobDefinition[]; log?: SchedulerLog; now?: () => Date } = {}): Scheduler {
  const jobs = opts.jobs ?? JOBS;
  const log = opts.log ?? { info: (l) => logger().info({ component: "scheduler" }, l), error: (l, e) => logger().error({ component: "scheduler", err: e }, l) };
  const inFlight = new Map<JobId, Promise<void>>();

  const runIfDue = async (job: JobDefinition, settings: Awaited<ReturnType<typeof getSettings>>) => {
    const start = await startIfDue(db, job, settings, opts.now?.() ?? new Date());
    if (!start.started) {
      if (start.reason !== "not-due") log.info(start.message);
      return;
    }
    log.info(`job ${job.id} started (run ${start.runId})`);
    const run = await start.done;
    (run.status === "succeeded" ? log.info : log.error)(`job ${job.id} ${run.status}: ${run.message}`);
  };

  const tick = async () => {
    let settings;
    try {
      settings = await getSettings(db);
    } catch (error) {
      log.error("cannot read the schedules; trying again in a minute", error);
      return;
    }
    for (const job of jobs) {
      if (inFlight.has(job.id)) continue; // still running from an earlier tick: a long job never blocks the others
      const running = runIfDue(job, settings)
        .catch((error) => log.error(`job ${job.id} could not start`, error))
        .finally(() => inFlight.delete(job.id));
      inFlight.set(job.id, running);
    }
  };

  let checking = tick(); // at start: catch-up
  const cron = new Cron("* * * * *", { timezone: "UTC", protect: true }, () => {
    checking = tick();
    return checking;
  });
  return {
    stop: async () => {
      cron.stop();
      await checking;
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}
