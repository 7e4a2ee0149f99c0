// Every 6 hours (setting analyzeSchedule): one analysis run over what arrived since the last one, the
// same run `patterns analyze` makes. A run already under way elsewhere is waited for, briefly.
import { runAnalysis } from "../../analysis/run";
import { ANALYSIS_STEPS } from "../../analysis/steps";
import type { JobDefinition, JobTrigger } from "../types";

/** analysis_runs.trigger speaks of where a run came from, not of how the scheduler saw it */
const ANALYSIS_TRIGGER: Record<JobTrigger, string> = { schedule: "schedule", "catch-up": "schedule", cli: "cli", manual: "api", cron: "api" };

const MAX_FINDINGS = 50;

/** candidatesProposed → "candidates proposed" */
const words = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();

export const analyzeJob: JobDefinition = {
  id: "analyze",
  title: "Analysis",
  description: "Runs every detector over the telemetry that arrived since the last analysis.",
  scheduleKey: "analyzeSchedule",
  run: async (ctx) => {
    // until the first step: this is where it waits while another analysis (say a `patterns analyze`) runs
    ctx.progress({ step: "waiting for the analysis to be free", done: 0, total: ANALYSIS_STEPS.length + 1 });
    const summary = await runAnalysis(ctx.db, {
      steps: ANALYSIS_STEPS,
      trigger: ANALYSIS_TRIGGER[ctx.trigger],
      now: ctx.now,
      waitMs: 60_000,
      onStep: (step, done, total) => ctx.progress({ step, done, total }),
    });
    const counts = Object.fromEntries(Object.entries(summary.counts).filter(([, v]) => v > 0));
    const found = Object.entries(counts).map(([k, v]) => `${words(k)} ${v}`);
    return {
      message: `analysed ${summary.newExecutions} new executions${found.length ? `: ${found.join(", ")}` : "; nothing new found"}`,
      details: {
        analysisRunId: summary.runId,
        newExecutions: summary.newExecutions,
        counts,
        findings: summary.findings.slice(0, MAX_FINDINGS),
        moreFindings: Math.max(0, summary.findings.length - MAX_FINDINGS),
      },
    };
  },
};
