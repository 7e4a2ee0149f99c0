// The spec of a self-healing pattern (what `patterns export` writes under specs/self_heal/): the error
// signature, the fix, its record with the 95 % interval and, for a recipe, the command and who approved
// it. Written by the error learner after each analysis and by a recipe's approval, from the same facts.
import { stringify } from "yaml";
import { recipeState } from "../detectors/recipes";
import { wilsonInterval } from "../detectors/stats";
import { commandSha } from "../schemas/recipe";

export interface SelfHealFacts {
  signature: string;
  errorKey: string;
  fix: string;
  attempts: number;
  successes: number;
  autoApply: boolean;
  fixCommand: string | null;
  approvedCommand: string | null;
  approvedBy: string | null;
  approvedAt: Date | null;
}

const round4 = (x: number) => Number(x.toFixed(4));

export function selfHealSpecYaml(f: SelfHealFacts): string {
  const interval = wilsonInterval(f.successes, f.attempts);
  const recipe = recipeState(f);
  return stringify({
    name: `Self-heal: ${f.fix}`,
    kind: "self_heal",
    error: { signature: f.signature, key: f.errorKey },
    fix: f.fix,
    evidence: { attempts: f.attempts, successes: f.successes, successRate: round4(f.attempts ? f.successes / f.attempts : 0), interval95: [round4(interval.low), round4(interval.high)] },
    autoApply: f.autoApply,
    ...(recipe && f.fixCommand !== null
      ? {
          recipe: {
            command: f.fixCommand,
            commandSha256: commandSha(f.fixCommand),
            status: recipe.status,
            approvedBy: recipe.approvedBy,
            approvedAt: recipe.approvedAt,
            ...(recipe.status === "changed_since_approval" ? { previouslyApproved: f.approvedCommand } : {}),
            runsAutomatically: recipe.runs,
          },
        }
      : {}),
  });
}

/** The spec from a stored error_patterns row (after a change to its approval). */
export function selfHealSpecOfRow(row: Omit<SelfHealFacts, "errorKey"> & { signatureKey: string }): string {
  return selfHealSpecYaml({ ...row, errorKey: row.signatureKey });
}
