// `patterns recipes [--status S]` lists the learned fixes that carry a command, with the command's
// SHA-256; `approve ID --command-sha SHA` approves that exact text and `revoke ID --reason` withdraws an
// approval, through the same writes as the Fixes page (audited, the actor is --by).
import type { Command } from "commander";
import type { RecipeStatus } from "../../detectors/recipes";
import { approveRecipe } from "../../mutations/approve-recipe";
import { RecipeError } from "../../mutations/recipe-row";
import { revokeRecipe } from "../../mutations/revoke-recipe";
import { getRecipes } from "../../queries/fixes/get-recipes";
import { InputError } from "../../schemas/parse-input";
import { CliError, printJson, withDb } from "../context";
import { choiceOption } from "../option-values";

const STATUSES: RecipeStatus[] = ["awaiting_approval", "approved", "changed_since_approval"];
const pct = (r: number) => `${(r * 100).toFixed(1)}%`;

/** A refusal the person can act on becomes a one-line CLI error; anything else is a bug and propagates. */
function asCliError(error: unknown): never {
  if (error instanceof RecipeError) throw new CliError(error.message);
  if (error instanceof InputError) throw new CliError(error.message, 2);
  throw error;
}

export function registerRecipes(program: Command): void {
  const by = ["--by <name>", "who decides it (recorded)", process.env.USER ?? "cli"] as const;
  const recipes = program
    .command("recipes")
    .description("learned fixes that carry a command: what each would run, its record, and whether a reviewer approved it")
    .addOption(choiceOption("--status <status>", "only recipes with this status", STATUSES))
    .option("--json", "print as JSON");
  recipes.action(async (opts: { status?: string; json?: boolean }) => {
    const { rows, total } = await withDb((db) => getRecipes(db, { status: opts.status as RecipeStatus | undefined, limit: 1000 }));
    if (opts.json) return printJson(rows);
    if (!rows.length) return console.log("no fix carries a command yet");
    for (const r of rows) {
      const state = r.recipe!.status === "approved" ? `approved by ${r.recipe!.approvedBy}${r.recipe!.runs ? ", runs automatically" : ", not auto-applied"}` : r.recipe!.status.replace(/_/g, " ");
      console.log(`${r.id}${r.patternId ? `  (${r.patternId})` : ""}\n    fix "${r.fix}": ${r.successes} of ${r.attempts} (${pct(r.successRate)}, 95% ${r.interval.low.toFixed(2)}–${r.interval.high.toFixed(2)})${r.autoApply ? " auto-apply" : ""}; ${state}`);
      console.log(`    command: ${r.command}\n    sha256:  ${r.commandSha}`);
      if (r.previouslyApproved !== null) console.log(`    approved before: ${r.previouslyApproved}`);
    }
    if (total > rows.length) console.log(`(${rows.length} of ${total} shown)`);
  });

  recipes
    .command("approve")
    .description("approve the exact command a fix carries (quote its sha256 from `patterns recipes`); it runs while the fix is auto-applied")
    .argument("<id>", "the learned fix (fix_…) or its self-healing pattern (heal-…)")
    .requiredOption("--command-sha <sha256>", "the SHA-256 of the command you read")
    .option("--note <text>", "a note kept with the approval")
    .option(...by)
    .action(async (id: string, opts: { commandSha: string; note?: string; by: string }) => {
      const done = await withDb((db) => approveRecipe(db, { recipeId: id, commandSha: opts.commandSha, note: opts.note }, opts.by)).catch(asCliError);
      console.log(`approved for ${done.fixId}: ${done.command}\n${done.runs ? "it runs on the next matching failure (patterns exec --heal)" : "it runs once the fix earns the auto-apply mark"}`);
    });

  recipes
    .command("revoke")
    .description("withdraw a recipe's approval: its command stops running at once")
    .argument("<id>", "the learned fix (fix_…) or its self-healing pattern (heal-…)")
    .requiredOption("--reason <text>", "why it must not run")
    .option(...by)
    .action(async (id: string, opts: { reason: string; by: string }) => {
      const done = await withDb((db) => revokeRecipe(db, { recipeId: id, reason: opts.reason }, opts.by)).catch(asCliError);
      console.log(`approval of ${done.fixId} withdrawn`);
    });
}
