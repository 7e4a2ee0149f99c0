// Listings and decisions of the failure side: `patterns heal`, `patterns anti-patterns`, `patterns lift`,
// and `patterns list` (every pattern with its use and health).
import type { Command } from "commander";
import { getAntiPatterns } from "../../queries/anti-patterns/get-anti-patterns";
import { getHealFixes } from "../../queries/heal/get-heal-fixes";
import { getPatterns } from "../../queries/patterns/get-patterns";
import { liftQuarantine } from "../../mutations/lift-quarantine";
import { REGISTRY_STATUSES } from "../../queries/anti-patterns/get-registry-page";
import { CliError, printJson, withDb } from "../context";
import { choiceOption, PATTERN_STATUSES } from "../option-values";

const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)}%`);

export function registerFailureSide(program: Command): void {
  program
    .command("heal")
    .description("the known fixes for an error message, best first")
    .requiredOption("--error <text>", "the error message")
    .option("--json", "print as JSON")
    .action(async (opts: { error: string; json?: boolean }) => {
      const fixes = await withDb((db) => getHealFixes(db, opts.error));
      if (opts.json) return printJson(fixes);
      if (!fixes.length) return console.log("no fix learned for this error yet");
      for (const f of fixes) {
        const near = f.match === "exact" ? "" : `\n    learned for "${f.signature}": ${f.how}`;
        console.log(`${f.fix}: ${f.successes}/${f.attempts} (${pct(f.successRate)}, 95% ${f.interval.low.toFixed(2)}–${f.interval.high.toFixed(2)})${f.autoApply ? " auto-apply" : ""}${near}`);
      }
    });

  program
    .command("anti-patterns")
    .description("the anti-pattern registry: recurring errors and failing patterns, with their history")
    .addOption(choiceOption("--status <status>", "only entries with this status", REGISTRY_STATUSES))
    .option("--json", "print as JSON")
    .action(async (opts: { status?: string; json?: boolean }) => {
      const rows = await withDb((db) => getAntiPatterns(db, { status: opts.status }));
      if (opts.json) return printJson(rows);
      if (!rows.length) return console.log("no anti-patterns");
      for (const r of rows) {
        const what = r.patternId ? `pattern ${r.patternId}` : `error "${(r.signature ?? "").slice(0, 70)}"`;
        console.log(`${r.status.padEnd(12)} ${what}  ${r.occurrences} failures${r.patternId ? `, ${pct(r.failureRate)} (${r.classification})` : ""}`);
      }
    });

  program
    .command("lift")
    .description("lift the quarantine of a pattern (recorded with who and why)")
    .argument("<patternId>")
    .requiredOption("--reason <text>", "why it is safe to run again")
    .option("--by <name>", "who lifts it", process.env.USER ?? "cli")
    .action(async (patternId: string, opts: { reason: string; by: string }) => {
      await withDb((db) => liftQuarantine(db, patternId, { actor: opts.by, reason: opts.reason })).catch((e: Error) => {
        throw new CliError(e.message);
      });
      console.log(`quarantine of ${patternId} lifted`);
    });

  program
    .command("list")
    .description("patterns with their use and health")
    .addOption(choiceOption("--status <status>", "only patterns with this status", PATTERN_STATUSES))
    .option("--json", "print as JSON")
    .action(async (opts: { status?: string; json?: boolean }) => {
      const rows = await withDb((db) => getPatterns(db, { status: opts.status }));
      if (opts.json) return printJson(rows);
      if (!rows.length) return console.log("no patterns");
      for (const r of rows) {
        console.log(`${r.id.padEnd(28)} ${r.kind.padEnd(13)} ${r.status.padEnd(11)} ${String(r.uses).padStart(6)} runs  ${pct(r.successRate).padStart(6)}${r.degrading ? "  degrading" : ""}`);
      }
    });
}
