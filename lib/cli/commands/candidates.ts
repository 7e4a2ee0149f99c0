// `patterns candidates [--status S]` lists what the detectors propose; `approve`/`reject` decide (recorded).
import type { Command } from "commander";
import { approveCandidate, DecisionError, rejectCandidate } from "../../mutations/decide-candidate";
import { getCandidates } from "../../queries/candidates/get-candidates";
import { CliError, printJson, withDb } from "../context";

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
    .option("--status <status>", "pending, approved, rejected or auto_approved")
    .option("--json", "print as JSON");
  candidates.action(async (opts: { status?: string; json?: boolean }) => {
    const rows = await withDb((db) => getCandidates(db, { status: opts.status }));
    if (opts.json) return printJson(rows);
    if (!rows.length) return console.log("no candidates");
    for (const c of rows) console.log(`${c.id}  ${c.status.padEnd(13)} ${c.confidence.toFixed(2)}  ${c.name} (${c.evidenceCount} runs)`);
  });
  for (const verb of ["approve", "reject"] as const) {
    candidates
      .command(verb)
      .argument("<id>")
      .requiredOption("--reason <text>", "why")
      .option("--by <name>", "who decides", process.env.USER ?? "cli")
      .description(verb === "approve" ? "make the candidate an active pattern" : "reject it (it returns only if its group grows materially)")
      .action(async (id: string, opts: { reason: string; by: string }) => {
        const decide = verb === "approve" ? approveCandidate : rejectCandidate;
        await decided(() => withDb(async (db) => void (await decide(db, id, { actor: opts.by, reason: opts.reason }))));
        console.log(`${id} ${verb === "approve" ? "approved" : "rejected"}`);
      });
  }
}
