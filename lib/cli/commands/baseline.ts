// `patterns baseline PATTERN MS|evidence [--by NAME]`: an admin's baseline for a pattern's time saved
// (AUTO-004), or back to the median of its candidate's evidence runs.
import type { Command } from "commander";
import { BaselineError, setPatternBaseline } from "../../mutations/set-pattern-baseline";
import { CliError, printJson, withDb } from "../context";

export function registerBaseline(program: Command): void {
  program
    .command("baseline")
    .argument("<pattern>", "pattern id")
    .argument("<ms>", 'duration in milliseconds, or "evidence" for the median of the evidence runs')
    .option("--by <name>", "who sets it (recorded)", process.env.USER ?? "cli")
    .option("--json", "print the pattern's baseline as JSON")
    .description("set the duration a pattern's runs are measured against in the weekly report")
    .action(async (patternId: string, ms: string, opts: { by: string; json?: boolean }) => {
      const durationMs = ms === "evidence" ? null : Number(ms);
      if (durationMs !== null && (!/^\d+$/.test(ms) || !Number.isSafeInteger(durationMs))) throw new CliError(`<ms>: "${ms}" is not a whole number of milliseconds or "evidence"`, 2);
      const result = await withDb(async (db) => {
        try {
          return await setPatternBaseline(db, { patternId, durationMs, actor: opts.by });
        } catch (error) {
          if (error instanceof BaselineError) throw new CliError(error.message);
          throw error;
        }
      });
      if (opts.json) return printJson({ patternId, ...result });
      console.log(`${patternId}: baseline ${result.baselineDurationMs === null ? "none" : `${result.baselineDurationMs} ms`} (${result.baselineSource ?? "no source"})`);
    });
}
