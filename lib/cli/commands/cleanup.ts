// `patterns cleanup`: retention and archiving (lib/retention/run-cleanup.ts), and `patterns unarchive`,
// which restores a pattern cleanup archived (the same write as the Patterns page's restore form).
import type { Command } from "commander";
import { runCleanup, type CleanupSummary } from "../../retention/run-cleanup";
import { UnarchiveError, unarchivePattern } from "../../mutations/unarchive-pattern";
import { CliError, printJson, withDb } from "../context";

const n = (x: number) => x.toLocaleString("en-US");

function describe(s: CleanupSummary): string[] {
  const lines = [`retention ${s.retentionDays} days: executions before ${s.cutoff.slice(0, 10)} are folded into daily metrics and deleted`];
  lines.push(`deleted ${n(s.executionsDeleted)} executions (${n(s.fileEventsDeleted)} files) over ${n(s.daysFolded)} days in ${(s.durationMs / 1000).toFixed(1)} s`);
  if (s.metricRowsRepaired) lines.push(`${n(s.metricRowsRepaired)} daily metric rows completed from runs they did not count`);
  if (s.keptUnanalysed) lines.push(`kept ${n(s.keptUnanalysed)} old executions the analysis has not read yet (run patterns analyze, then cleanup again)`);
  lines.push(s.patternsArchived ? `archived ${s.patternsArchived} unused patterns:` : "no pattern to archive");
  for (const p of s.archived) lines.push(`  ${p.id}${p.name !== p.id ? ` (${p.name})` : ""}`);
  return lines;
}

export function registerCleanup(program: Command): void {
  program
    .command("cleanup")
    .description("fold executions past retention into daily metrics, delete them, and archive unused patterns")
    .option("--json", "print the summary as JSON")
    .option("--by <name>", "who the archive decisions are recorded as", "system")
    .action(async (opts: { json?: boolean; by: string }) => {
      const live = process.stderr.isTTY && !opts.json;
      const summary = await withDb((db) =>
        runCleanup(db, { actor: opts.by, onProgress: live ? (p) => process.stderr.write(`\r\x1b[K ${p.message}`) : undefined }),
      );
      if (live) process.stderr.write("\r\x1b[K");
      if (opts.json) return printJson(summary);
      console.log(describe(summary).join("\n"));
    });

  program
    .command("unarchive")
    .description("restore a pattern that cleanup archived (recorded with who and why)")
    .argument("<patternId>")
    .requiredOption("--reason <text>", "why it is needed again")
    .option("--by <name>", "who restores it", process.env.USER ?? "cli")
    .action(async (patternId: string, opts: { reason: string; by: string }) => {
      await withDb((db) => unarchivePattern(db, { patternId, reason: opts.reason }, opts.by)).catch((e: unknown) => {
        throw e instanceof UnarchiveError ? new CliError(e.message) : e;
      });
      console.log(`${patternId} restored: active again`);
    });
}
