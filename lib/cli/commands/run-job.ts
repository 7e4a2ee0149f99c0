// `patterns run-job analyze|report|cleanup`: one scheduled job, now, for people who schedule with cron.
// The same handler, lease and job_runs record as the in-app scheduler and the Jobs page's "Run now".
import { Argument, type Command } from "commander";
import { startJob } from "../../jobs/start-job";
import { JOB_IDS } from "../../jobs/types";
import { CliError, printJson, withDb } from "../context";

export function registerRunJob(program: Command): void {
  program
    .command("run-job")
    .description("run one scheduled job now (recorded on the Jobs page)")
    .addArgument(new Argument("<job>", "the job").choices(JOB_IDS))
    .option("--json", "print the run as JSON")
    .option("--by <name>", "who runs it (activity log)", process.env.USER ?? "cli")
    .action(async (jobId: string, opts: { json?: boolean; by: string }) => {
      const run = await withDb(async (db) => {
        const start = await startJob(db, jobId, { trigger: "cli", actor: opts.by });
        if (!start.started) throw new CliError(`${start.message}; try again when it ends`);
        if (!opts.json && process.stderr.isTTY) process.stderr.write(`job ${jobId} started (run ${start.runId})\n`);
        return start.done;
      });
      if (opts.json) printJson(run);
      else {
        console.log(`${run.jobId} ${run.status} in ${((run.finishedAt.getTime() - run.startedAt.getTime()) / 1000).toFixed(1)} s: ${run.message}`);
        const findings = run.details.findings;
        if (Array.isArray(findings)) for (const f of findings) console.log(`- ${String(f)}`);
      }
      if (run.status === "failed") throw new CliError(`job ${run.jobId} failed: ${run.message.replace(/^failed: /, "")}`);
    });
}
