// `patterns quarantine`, `patterns confirm-quarantine` and `patterns archive`: the same writes as the
// pattern page and the registry's forms (lib/mutations), with the same rules; the actor is --by.
import type { Command } from "commander";
import { ArchiveError, archivePattern } from "../../mutations/archive-pattern";
import { ConfirmQuarantineError, confirmQuarantine } from "../../mutations/confirm-quarantine";
import { QuarantineError, quarantinePattern } from "../../mutations/quarantine-pattern";
import { InputError } from "../../schemas/parse-input";
import { CliError, withDb } from "../context";

/** A refusal the person can act on becomes a one-line CLI error; anything else is a bug and propagates. */
function asCliError(error: unknown): never {
  if (error instanceof InputError || error instanceof QuarantineError || error instanceof ConfirmQuarantineError || error instanceof ArchiveError) throw new CliError(error.message);
  throw error;
}

export function registerPatternDecisions(program: Command): void {
  const by = ["--by <name>", "who decides it (recorded)", process.env.USER ?? "cli"] as const;
  program
    .command("quarantine")
    .description("quarantine a pattern by hand (recorded with who and why); `patterns lift` releases it")
    .argument("<patternId>")
    .requiredOption("--reason <text>", "why it must not run")
    .option(...by)
    .action(async (patternId: string, opts: { reason: string; by: string }) => {
      await withDb((db) => quarantinePattern(db, { patternId, reason: opts.reason }, opts.by)).catch(asCliError);
      console.log(`${patternId} quarantined`);
    });

  program
    .command("confirm-quarantine")
    .description("confirm a quarantine the anti-pattern detector proposed (aggressive mode off)")
    .argument("<patternId>")
    .option("--reason <text>", "a note kept with the decision")
    .option(...by)
    .action(async (patternId: string, opts: { reason?: string; by: string }) => {
      await withDb((db) => confirmQuarantine(db, { patternId, reason: opts.reason }, opts.by)).catch(asCliError);
      console.log(`quarantine of ${patternId} confirmed`);
    });

  program
    .command("archive")
    .description("archive a pattern (out of suggestions and the active lists; `patterns unarchive` restores it)")
    .argument("<patternId>")
    .requiredOption("--reason <text>", "why it is no longer needed")
    .option(...by)
    .action(async (patternId: string, opts: { reason: string; by: string }) => {
      await withDb((db) => archivePattern(db, { patternId, reason: opts.reason }, opts.by)).catch(asCliError);
      console.log(`${patternId} archived`);
    });
}
