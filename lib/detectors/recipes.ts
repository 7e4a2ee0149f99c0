// Recipes: learned fixes whose telemetry names a command. Telemetry is untrusted, so a command runs only
// once a reviewer approved that exact text, and then only while the learner's statistics keep the fix's
// auto-apply mark (AUTO-003). Pure: the rules `patterns exec --heal`, the pages and the heal API share.

export type RecipeStatus = "awaiting_approval" | "approved" | "changed_since_approval";

/** What the stored fix says about its command and its approval. */
export interface RecipeFacts {
  /** The command last seen in telemetry for this fix; null when none was ever sent. */
  fixCommand: string | null;
  /** The exact text a reviewer approved, if any. */
  approvedCommand: string | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  /** The learner's auto-apply mark. */
  autoApply: boolean;
}

export interface RecipeState {
  status: RecipeStatus;
  /** The command that may run: the approved text while telemetry still names it; otherwise null. */
  command: string | null;
  /** Who approved the command that may run (null unless status is "approved"). */
  approvedBy: string | null;
  approvedAt: string | null;
  /** Runs without asking now: approved and carrying the auto-apply mark. */
  runs: boolean;
  /** Why it runs or does not, for people. */
  reason: string;
}

/** The recipe a fix makes, or null when its telemetry never named a command. */
export function recipeState(f: RecipeFacts): RecipeState | null {
  if (f.fixCommand === null) return null;
  if (f.approvedCommand === null) {
    return { status: "awaiting_approval", command: null, approvedBy: null, approvedAt: null, runs: false, reason: "its command awaits a reviewer's approval" };
  }
  if (f.approvedCommand !== f.fixCommand) {
    return {
      status: "changed_since_approval", command: null, approvedBy: null, approvedAt: null, runs: false,
      reason: "telemetry now names a different command than the one approved: it needs a new approval",
    };
  }
  const approvedAt = f.approvedAt ? f.approvedAt.toISOString() : null;
  return {
    status: "approved", command: f.approvedCommand, approvedBy: f.approvedBy, approvedAt, runs: f.autoApply,
    reason: f.autoApply ? `approved by ${f.approvedBy ?? "a reviewer"} and auto-applied` : `approved by ${f.approvedBy ?? "a reviewer"}; runs once its record earns the auto-apply mark`,
  };
}

/** A known fix as the heal lookup gives it (local query or GET /api/v1/heal), best first. */
export interface HealCandidate {
  fix: string;
  attempts: number;
  successes: number;
  autoApply: boolean;
  /** How near the fix's learned signature is to the error; absent or "exact" for its own signature. */
  match?: string;
  recipe: Pick<RecipeState, "status" | "command" | "runs"> | null;
}

export type HealPlan<F extends HealCandidate = HealCandidate> =
  | { kind: "run"; fix: F; command: string }
  | { kind: "show"; why: string };

/**
 * What `patterns exec --heal` does after a failure: run the best fix's recipe only when the best fix is
 * a recipe for this very signature, approved and auto-applied; otherwise show the fixes and run nothing.
 * Only the best fix is considered: a weaker fix is never run because the best one may not be.
 */
export function planHeal<F extends HealCandidate>(fixes: readonly F[]): HealPlan<F> {
  const best = fixes[0];
  if (!best) return { kind: "show", why: "no fix has been learned for this error yet" };
  const name = `the best fix, "${best.fix}",`;
  if (best.match !== undefined && best.match !== "exact") return { kind: "show", why: `${name} was learned for a similar error, not this one: it is not run automatically` };
  if (!best.recipe) return { kind: "show", why: `${name} has no command to run` };
  if (best.recipe.status !== "approved" || best.recipe.command === null) {
    return { kind: "show", why: `${name} has a command that ${best.recipe.status === "changed_since_approval" ? "changed since it was approved" : "no reviewer has approved"}` };
  }
  if (!best.autoApply || !best.recipe.runs) return { kind: "show", why: `${name} is approved but its record (${best.successes} of ${best.attempts}) does not carry the auto-apply mark` };
  return { kind: "run", fix: best, command: best.recipe.command };
}
