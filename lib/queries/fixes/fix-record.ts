// One learned fix (AUTO-003) as both the fixes page and the heal lookup show it, built from its
// error_patterns row, so the two readers describe a fix the same way.
import type { Prisma } from "../../db/client";
import { recipeState, type RecipeState } from "../../detectors/recipes";
import { wilsonInterval } from "../../detectors/stats";
import { commandSha } from "../../schemas/recipe";
import type { FixDecision } from "../../detectors/types";

export interface FixRecord {
  signature: string;
  fix: string;
  attempts: number;
  successes: number;
  successRate: number;
  /** Wilson 95 % interval of the success rate. */
  interval: { low: number; high: number };
  autoApply: boolean;
  selfHeal: boolean;
  /** Set when telemetry named a command for this fix: whether it may run (only the approved text is given). */
  recipe: (RecipeState & { commandSha: string }) | null;
}

/** The columns of an error_patterns row a record is made from. */
export type FixRow = Pick<
  Prisma.ErrorPatternModel,
  "signature" | "fix" | "attempts" | "successes" | "autoApply" | "patternId" | "fixCommand" | "approvedCommand" | "approvedBy" | "approvedAt"
>;

/** How the row stands when no learner decision is at hand: self-healing once a self_heal pattern was made. */
function storedState(row: FixRow): Pick<FixDecision, "successRate" | "interval" | "selfHeal"> {
  return {
    successRate: row.attempts ? row.successes / row.attempts : 0,
    interval: wilsonInterval(row.successes, row.attempts),
    selfHeal: row.patternId !== null,
  };
}

/**
 * The record of one fix: counts and auto-apply from the row; rate, interval and self-heal from the
 * learner's decision when given (the heal lookup ranks afresh), else from the row's stored state.
 */
export function toFixRecord(row: FixRow, decision: Pick<FixDecision, "successRate" | "interval" | "selfHeal"> = storedState(row)): FixRecord {
  return {
    signature: row.signature,
    fix: row.fix,
    attempts: row.attempts,
    successes: row.successes,
    successRate: decision.successRate,
    interval: decision.interval,
    autoApply: row.autoApply,
    selfHeal: decision.selfHeal,
    recipe: recipeOf(row),
  };
}

/** The fix's recipe; the SHA-256 names the command telemetry names now (what an approval must quote). */
function recipeOf(row: FixRow): FixRecord["recipe"] {
  const state = recipeState(row);
  return state && row.fixCommand !== null ? { ...state, commandSha: commandSha(row.fixCommand) } : null;
}
