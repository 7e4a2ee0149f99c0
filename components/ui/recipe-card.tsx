// One recipe (a learned fix whose telemetry names a command) for the people who decide whether it may run:
// the error, the fix's record, the exact command with its SHA-256, who approved it, and, for reviewers,
// a plain form to approve that exact text (the SHA-256 travels with the post, so a command that changed
// since the page was drawn is refused) or to withdraw the approval. Telemetry text is shown as text.
import Link from "next/link";
import { approveRecipeAction } from "@/lib/actions/recipes/approve-recipe";
import { revokeRecipeAction } from "@/lib/actions/recipes/revoke-recipe";
import type { RecipeItem } from "@/lib/queries/fixes/get-recipes";
import { formatPercent } from "./format";
import { LocalTime } from "./local-time";

const STATUS_BADGE = {
  approved: { label: "approved", tone: "ok" },
  awaiting_approval: { label: "awaiting approval", tone: "warn" },
  changed_since_approval: { label: "changed since approval", tone: "bad" },
} as const;

export function RecipeCard({ recipe, reviewer, from }: { recipe: RecipeItem; reviewer: boolean; from: "fixes" | "pattern" }) {
  const state = recipe.recipe!;
  const badge = STATUS_BADGE[state.status];
  const anchor = from === "pattern" ? "recipe" : `recipe-${recipe.id}`;
  const origin = (
    <>
      <input type="hidden" name="recipeId" value={recipe.id} />
      <input type="hidden" name="from" value={from} />
      {recipe.patternId ? <input type="hidden" name="patternId" value={recipe.patternId} /> : null}
    </>
  );
  return (
    <article id={anchor} className="recipe" aria-label={`Recipe of fix ${recipe.fix}`}>
      <h3 className="wrap-anywhere">
        Fix <span className="mono">{recipe.fix}</span> <span className={`badge ${badge.tone}`}>{badge.label}</span>
        {state.runs ? <span className="badge ok">runs automatically</span> : null}
      </h3>
      <p className="muted wrap-anywhere">
        For <span className="mono">{recipe.signature}</span>
        {from === "fixes" && recipe.patternId ? (
          <>
            {" · "}
            <Link href={`/patterns/${encodeURIComponent(recipe.patternId)}`}>self-healing pattern</Link>
          </>
        ) : null}
      </p>
      <p>
        {recipe.successes} of {recipe.attempts} retries succeeded ({formatPercent(recipe.successRate)}, 95 % interval {recipe.interval.low.toFixed(2)}–{recipe.interval.high.toFixed(2)}):{" "}
        {recipe.autoApply ? "carries the auto-apply mark" : recipe.selfHeal ? "self-healing, not auto-applied" : "still learning"}.
      </p>
      <p className="recipe-label">Command telemetry names for it{state.status === "approved" ? " (approved)" : ""}:</p>
      <pre className="recipe-command">{recipe.command}</pre>
      <p className="muted wrap-anywhere">
        SHA-256 <span className="mono">{recipe.commandSha}</span>
      </p>
      {recipe.previouslyApproved !== null ? (
        <>
          <p className="recipe-label">The command approved before (no longer runs):</p>
          <pre className="recipe-command">{recipe.previouslyApproved}</pre>
        </>
      ) : null}
      <p>
        {state.status === "approved" ? (
          <>
            Approved by <span className="mono">{state.approvedBy}</span>
            {state.approvedAt ? <> on <LocalTime at={state.approvedAt} /></> : null}.{" "}
            {state.runs ? "It runs after this error (patterns exec --heal)." : "It runs once the fix earns the auto-apply mark."}
          </>
        ) : (
          `${state.reason[0]!.toUpperCase()}${state.reason.slice(1)}.`
        )}
      </p>
      {!reviewer ? null : state.status === "approved" ? (
        <form action={revokeRecipeAction} className="lift-form" aria-label={`Withdraw the approval of ${recipe.fix}`}>
          {origin}
          <input name="reason" placeholder="Why it must not run" aria-label="Reason" required minLength={3} maxLength={1000} />
          <button type="submit" className="button small secondary">Withdraw approval</button>
        </form>
      ) : (
        <form action={approveRecipeAction} className="lift-form" aria-label={`Approve the command of ${recipe.fix}`}>
          {origin}
          <input type="hidden" name="commandSha" value={recipe.commandSha} />
          <p className="muted recipe-warning">
            This text came from telemetry. Approving it lets <span className="mono">patterns exec --heal</span> run it in a shell, as written, after this error, while the fix
            carries the auto-apply mark.
          </p>
          <input name="note" placeholder="Note (optional)" aria-label="Note" maxLength={1000} />
          <button type="submit" className="button small">Approve this command</button>
        </form>
      )}
    </article>
  );
}
