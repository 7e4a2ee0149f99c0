// `patterns report [--week YYYY-Www] [--source S] [--out FILE] [--json] [--regenerate]` (also `--report`):
// AUTO-004 for a week (default: the last complete one). A stored week is printed as stored; --regenerate
// rebuilds it (an admin's explicit act, recorded with --by). Bad input exits 2 before the database is opened.
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { generateWeeklyReport, ReportError } from "../../reports/generate-weekly-report";
import { generateReportSchema, reportInputError } from "../../schemas/weekly-report";
import { CliError, printJson, withDb } from "../context";

interface ReportOptions {
  week?: string;
  source?: string;
  out?: string;
  json?: boolean;
  regenerate?: boolean;
  by: string;
}

export function registerReport(program: Command): void {
  program
    .command("report")
    .description("the weekly performance report (AUTO-004)")
    .option("--week <YYYY-Www>", "ISO week (default: the last complete week)")
    .option("--source <source>", "narrow the report to one source (team, agent or pipeline)")
    .option("--out <file>", "also write the Markdown to this file")
    .option("--json", "print the report's data as one JSON object")
    .option("--regenerate", "rebuild a stored week (an admin's explicit act)")
    .option("--by <name>", "who generates it (recorded)", process.env.USER ?? "cli")
    .action(async (opts: ReportOptions) => {
      const input = { week: opts.week, source: opts.source, regenerate: opts.regenerate ?? false, actor: opts.by };
      const checked = generateReportSchema.safeParse(input);
      if (!checked.success) throw new CliError(reportInputError(checked.error).replace(/^week:/, "--week:").replace(/^source:/, "--source:"), 2);
      const result = await withDb(async (db) => {
        try {
          return await generateWeeklyReport(db, input);
        } catch (error) {
          if (error instanceof ReportError) throw new CliError(error.message, error.exitCode);
          throw error;
        }
      });
      if (opts.out) writeFileSync(opts.out, result.markdown.endsWith("\n") ? result.markdown : `${result.markdown}\n`);
      const status = result.stored ? "generated and stored" : result.notStoredBecause ? `not stored: ${result.notStoredBecause}` : "as stored earlier";
      process.stderr.write(`report ${result.report.week}${result.report.source ? ` (${result.report.source})` : ""}: ${status}${opts.out ? `; Markdown written to ${opts.out}` : ""}\n`);
      if (opts.json) return printJson(result.report);
      if (!opts.out) process.stdout.write(`${result.markdown}\n`);
    });
}
