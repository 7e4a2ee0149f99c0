// `patterns scheduler`: the job scheduler without the web app (a service of its own, next to app
// instances or instead of them); `--once` runs what is due or was missed, then exits: a cron entry
// every few minutes gets the schedules from settings, catch-up and the lease without the app.
import type { Command } from "commander";
import { runDueJobs } from "../../jobs/due";
import { JOBS } from "../../jobs/index";
import { startScheduler } from "../../jobs/scheduler";
import { getSettings } from "../../schemas/settings";
import { CliError, openCliDb, printJson, withDb } from "../context";

export function registerScheduler(program: Command): void {
  program
    .command("scheduler")
    .description("run the scheduled jobs when they come due (analysis, weekly report, cleanup)")
    .option("--once", "run the jobs that are due or were missed, then exit")
    .option("--json", "with --once: print what each job did as JSON")
    .action(async (opts: { once?: boolean; json?: boolean }) => {
      if (opts.once) {
        const outcomes = await withDb(async (db) => runDueJobs(db, JOBS, await getSettings(db)));
        if (opts.json) printJson(outcomes);
        else for (const o of outcomes) console.log(`${o.jobId.padEnd(8)} ${o.result.padEnd(8)} ${o.message}`);
        const failed = outcomes.filter((o) => o.run?.status === "failed");
        if (failed.length) throw new CliError(`${failed.map((o) => o.jobId).join(", ")} failed: ${failed[0]!.message}`);
        return;
      }
      const db = await openCliDb();
      // people read this one: plain lines, not the server's JSON log
      const scheduler = startScheduler(db, { log: { info: (l) => console.log(`[scheduler] ${l}`), error: (l, e) => console.error(`[scheduler] ${l}`, e ?? "") } });
      console.log("scheduler running; Ctrl-C to stop (a run under way is finished first)");
      await new Promise<void>((resolve) => {
        for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => resolve());
      });
      await scheduler.stop();
      await db.close();
    });
}
