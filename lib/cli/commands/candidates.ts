// `patterns candidates [--status S]` lists what the detectors propose; `approve`/`reject` decide and
// `revert` undoes an auto-approval, through the same writes as the review page (recorded).
import type { Command } from "commander";
import { decideCandidate, DecisionError } from "../../mutations/decide-candidate";
import { revertAutoApproval } from "../../mutations/revert-auto-approval";
import { getCandidates } from "../../queries/candidates/get-candidates";
import { CliError, printJson, withDb } from "../context";
import { CANDIDATE_STATUSES, choiceOption } from "../option-values";

const decided = async (fn: () => Promise<unknown>) => {
  try {
    await fn();
  } catch (error) {
    if (error instanceof DecisionError) throw new CliError(error.message);
    throw error;
  }
};

export function registerCandidates(program: Command): void {
  const candidates = program
    .command("candidates")
    .description("pattern candidates proposed by the detectors")
    .addOption(choiceOption("--status <status>", "only candidates with this status", CANDIDATE_STATUSES))
    .option("--json", "print as JSON");
  candidates.action(async (opts: { status?: string; json?: boolean }) => {
    const rows = await withDb((db) => getCandidates(db, { status: opts.status }));
    if (opts.json) return printJson(rows);
    if (!rows.length) return console.log("no candidates");
    for (const c of rows) console.log(`${c.id}  ${c.status.padEnd(13)} ${c.confidence.toFixed(2)}  ${c.name} (${c.evidenceCount} runs)`);
  });
  for (const verb of ["approve", "reject"] as const) {
    const command = candidates
      .command(verb)
      .argument("<id>")
      .requiredOption("--reason <text>", "why")
      .option("--by <name>", "who decides", process.env.USER ?? "cli")
      .description(verb === "approve" ? "make the candidate an active pattern" : "reject it (it returns only if its group grows materially)");
    if (verb === "approve") command.option("--name <name>", "the pattern's name instead of the proposed one");
    command.action(async (id: string, opts: { reason: string; by: string; name?: string }) => {
      let specKept = false;
      await decided(() => withDb(async (db) => void (specKept = (await decideCandidate(db, { candidateId: id, decision: verb, reason: opts.reason, name: opts.name }, opts.by)).specKept === true)));
      console.log(`${id} ${verb === "approve" ? "approved" : "rejected"}${specKept ? "; its pattern keeps the spec a person changed since" : ""}`);
    });
  }
  candidates
    .command("revert")
    .argument("<id>")
    .requiredOption("--reason <text>", "why")
    .option("--by <name>", "who reverts", process.env.USER ?? "cli")
    .description("undo an auto-approval: the candidate is pending again and its pattern archived (unless edited since)")
    .action(async (id: string, opts: { reason: string; by: string }) => {
      let outcome = "";
      await decided(() => withDb(async (db) => void (outcome = (await revertAutoApproval(db, { candidateId: id, reason: opts.reason }, opts.by)).pattern)));
      console.log(`${id} is pending again; its pattern: ${outcome === "kept-edited" ? "kept (edited since)" : outcome}`);
    });
}
