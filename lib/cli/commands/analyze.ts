// `patterns analyze` (also `--analyze`): one analysis run over what is new; prints what it found.
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { runAnalysis } from "../../analysis/run";
import { ANALYSIS_STEPS } from "../../analysis/steps";
import { printJson, withDb } from "../context";
import { wholeNumber } from "../option-values";

export function registerAnalyze(program: Command): void {
  program
    .command("analyze")
    .description("run every detector over the telemetry that arrived since the last run")
    .option("--json", "print the run summary as JSON")
    .option("--wait <seconds>", "wait this long for a running analysis to finish instead of failing", wholeNumber(0, 86_400), 0)
    .action(async (opts: { json?: boolean; wait: number }) => {
      const bar = process.stderr.isTTY && !opts.json ? new SingleBar({ format: " analysing [{bar}] {value}/{total} {step}", stream: process.stderr, hideCursor: true }) : null;
      const summary = await withDb((db) =>
        runAnalysis(db, {
          steps: ANALYSIS_STEPS,
          trigger: "cli",
          waitMs: opts.wait * 1000,
          onStep: (name, i, total) => (i === 0 ? bar?.start(total, 0, { step: name }) : bar?.update(i, { step: name })),
        }),
      );
      bar?.update(ANALYSIS_STEPS.length + 1, { step: "done" });
      bar?.stop();
      if (opts.json) {
        printJson(summary);
        return;
      }
      console.log(`analysed ${summary.newExecutions} new executions in ${(summary.durationMs / 1000).toFixed(1)} s`);
      const counts = Object.entries(summary.counts).filter(([, v]) => v > 0);
      if (counts.length) console.log(counts.map(([k, v]) => `  ${k}: ${v}`).join("\n"));
      for (const f of summary.findings) console.log(`- ${f}`);
      if (!counts.length && !summary.findings.length) console.log("nothing new found");
    });
}
