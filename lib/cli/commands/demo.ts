// `patterns demo`: loads the demo workspace (simulated telemetry through the normal ingest path).
import type { Command } from "commander";
import { loadDemo } from "../../simulate/demo";
import { CliError, printJson, withDb } from "../context";
import { wholeNumber } from "../option-values";

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("load the demo workspace into an empty database")
    .option("--seed <n>", "seed of the simulation", wholeNumber(0, 2 ** 31 - 1), 42)
    .option("--force", "load even if telemetry already exists (ids make a second load a no-op)")
    .option("--json", "print the counts as JSON")
    .action(async (opts: { seed: number; force?: boolean; json?: boolean }) => {
      const seed = opts.seed;
      const result = await withDb(async (db) => {
        if (!opts.force && (await db.prisma.execution.count()) > 0) {
          throw new CliError("the database already holds telemetry; use --force to load the demo anyway");
        }
        return loadDemo(db, { seed, actor: "cli" });
      });
      if (opts.json) printJson(result);
      else console.log(`demo loaded: ${result.accepted} executions of ${result.patterns} patterns, analysed in ${result.analysisRuns} weekly runs`);
    });
}
