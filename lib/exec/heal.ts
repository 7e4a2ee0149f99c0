// `patterns exec --heal`: after a failure, the error's known fixes are looked up; when the best one is an
// approved recipe carrying the auto-apply mark (lib/detectors/recipes.ts), its command runs (time limit,
// output shown) and then the failed command once more, recorded as a retry by that fix so the learner
// sees the outcome. At most one recipe per failure: the retry is never healed again. Otherwise the known
// fixes are shown with their records and the command's own status stands.
import { createInterface } from "node:readline/promises";
import { planHeal } from "../detectors/recipes";
import type { ExecutionEvent } from "../telemetry/event-schema";
import type { Lookup } from "./heal-lookup";
import { fixesReport, oneLine, recordText } from "./heal-messages";
import { printable } from "./remote-delivery";
import { runRecipe } from "./run-recipe";

export interface HealContext {
  mode: "auto" | "ask";
  lookup: Lookup;
  timeoutMs: number;
  warn: (line: string) => void;
  /** Runs the command once more as a retry by `fix` applied with `command`, records it, and answers its run. */
  retry: (fix: string, command: string) => Promise<{ code: number; event: ExecutionEvent }>;
  /** Asks a person (--heal=ask); the default reads a line on the terminal. */
  confirm?: (question: string) => Promise<boolean>;
}

async function askOnTerminal(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`patterns: ${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** Heals one failed run; answers the exit status exec ends with. */
export async function healAfterFailure(failed: { code: number; event: ExecutionEvent }, ctx: HealContext): Promise<number> {
  const { warn } = ctx;
  const errorText = failed.event.error?.message;
  if (!errorText) return failed.code;
  let fixes;
  try {
    fixes = await ctx.lookup.fixes(errorText);
  } catch (error) {
    warn(`not healed: could not look the error up (${printable((error as Error).message)})`);
    return failed.code;
  }
  const plan = planHeal(fixes);
  if (plan.kind === "show") {
    for (const line of fixesReport(fixes, plan.why)) warn(line);
    return failed.code;
  }
  const { fix, command } = plan;
  const what = `the approved recipe of fix "${oneLine(fix.fix)}" (${recordText(fix)})`;
  if (ctx.mode === "ask" && !(await (ctx.confirm ?? askOnTerminal)(`run ${what}: ${command}?`))) {
    warn("recipe not run");
    return failed.code;
  }
  warn(`known error; running ${what}: ${command}`);
  const recipe = await runRecipe(command, { timeoutMs: ctx.timeoutMs });
  if (recipe.interrupted) {
    warn("the recipe was interrupted; the command is not run again");
    return failed.code;
  }
  const ended = recipe.timedOut ? `did not finish within ${seconds(ctx.timeoutMs)} and was stopped` : `ended with exit ${recipe.code} after ${seconds(recipe.durationMs)}`;
  warn(`the recipe ${ended}; running the command once more`);
  const again = await ctx.retry(fix.fix, command);
  warn(
    again.code === 0
      ? `healed: the command succeeded after fix "${oneLine(fix.fix)}" (recorded as ${again.event.id}, a retry of ${failed.event.id})`
      : `still failing after fix "${oneLine(fix.fix)}" (exit ${again.code}); recorded as ${again.event.id}, a retry of ${failed.event.id}, so the learner counts it`,
  );
  return again.code;
}
