// `patterns suggest` (also `--suggest`): AUTO-006 from the command line, the same context schema and
// the same ranking as POST /api/v1/suggest.
import type { Command } from "commander";
import { withPatternRecords } from "../../queries/patterns/get-pattern-records";
import { getSuggestions } from "../../queries/suggest/get-suggestions";
import { fieldErrors, suggestContextSchema } from "../../schemas/suggest";
import { CliError, printJson, withDb } from "../context";
import { wholeNumber } from "../option-values";

interface SuggestOptions {
  operation: string;
  inputs?: string;
  files?: string[];
  error?: string;
  limit: number;
  json?: boolean;
}

function parseInputs(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError(`--inputs: not valid JSON (give an object, e.g. '{"service":"api"}')`, 2);
  }
}

export function registerSuggest(program: Command): void {
  program
    .command("suggest")
    .description("the patterns and learned fixes that match a context, best first")
    .requiredOption("--operation <op>", "the operation about to run")
    .option("--inputs <json>", "its inputs as a JSON object")
    .option("--files <path...>", "paths of the files involved")
    .option("--error <text>", "an error message, for its learned fixes")
    .option("--limit <n>", "at most this many suggestions", wholeNumber(1, 1000), 10)
    .option("--json", "print as JSON")
    .action(async (opts: SuggestOptions) => {
      const limit = opts.limit;
      const parsed = suggestContextSchema.safeParse({ operation: opts.operation, inputs: parseInputs(opts.inputs), files: opts.files, error: opts.error });
      if (!parsed.success) {
        const first = fieldErrors(parsed.error)[0]!;
        throw new CliError(`--${first.path.split(".")[0] || "operation"}: ${first.message}`, 2);
      }
      const rows = await withDb(async (db) => withPatternRecords(db, await getSuggestions(db, parsed.data, { limit })));
      if (opts.json) return printJson(rows);
      if (!rows.length) return console.log("no pattern or fix matches this context");
      for (const r of rows) {
        const what = r.patternId !== undefined ? `pattern ${r.patternId} (${r.name})` : `fix "${r.fix}"`;
        console.log(`${r.score.toFixed(2)}  ${what}\n      ${r.reason}`);
      }
    });
}
