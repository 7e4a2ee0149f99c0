// `patterns`: the command line (DESIGN.md "Command line"). One file per command under commands/;
// exit 0 on success, 1 on failure with a one-line reason on stderr, 2 on bad usage.
import { Command, CommanderError } from "commander";
import { registerAnalyze } from "./commands/analyze";
import { registerBaseline } from "./commands/baseline";
import { registerCandidates } from "./commands/candidates";
import { registerCleanup } from "./commands/cleanup";
import { registerDbCommands } from "./commands/db";
import { registerDemo } from "./commands/demo";
import { registerExec } from "./commands/exec";
import { registerExport } from "./commands/export";
import { registerFailureSide } from "./commands/failure-side";
import { registerIngest } from "./commands/ingest";
import { registerMcp } from "./commands/mcp";
import { registerPatternDecisions } from "./commands/pattern-decisions";
import { registerRecipes } from "./commands/recipes";
import { registerReport } from "./commands/report";
import { registerRunJob } from "./commands/run-job";
import { registerScheduler } from "./commands/scheduler";
import { registerSettings } from "./commands/settings";
import { registerSignature } from "./commands/signature";
import { registerSuggest } from "./commands/suggest";
import { registerTemplate } from "./commands/template";
import { registerToken } from "./commands/token";
import { registerUser } from "./commands/user";
import { logToStderrForCli } from "../log/logger";
import { InputError } from "../schemas/parse-input";
import { oneLine } from "./context";
import { startCli } from "./start-up";
import { usageExitCode } from "./usage-exit";

export function buildProgram(): Command {
  const program = new Command("patterns")
    .description("Pattern Automation: telemetry in, patterns, quarantines and fixes out")
    .showHelpAfterError("(run patterns --help for usage)")
    .exitOverride();
  for (const register of [registerAnalyze, registerSuggest, registerCandidates, registerFailureSide, registerPatternDecisions, registerRecipes, registerIngest, registerExec, registerToken, registerUser, registerSignature, registerTemplate, registerReport, registerBaseline, registerSettings, registerDemo, registerCleanup, registerExport, registerDbCommands, registerRunJob, registerScheduler, registerMcp]) register(program);
  return program;
}

/** DESIGN.md also accepts `--analyze`, `--suggest`, `--report` as the first argument. */
export function normaliseArgv(argv: string[]): string[] {
  const [first, ...rest] = argv;
  const aliases: Record<string, string> = { "--analyze": "analyze", "--suggest": "suggest", "--report": "report" };
  return first && aliases[first] ? [aliases[first], ...rest] : argv;
}

export async function run(argv: string[]): Promise<number> {
  logToStderrForCli(); // the CLI prints for people: only warnings reach the JSON log, on stderr
  const program = buildProgram();
  program.commands.forEach((c) => c.exitOverride());
  try {
    await program.parseAsync(normaliseArgv(argv), { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return usageExitCode(error);
    process.stderr.write(`patterns: ${oneLine(error)}\n`);
    // input a write refused (lib/schemas) is bad usage too
    return error instanceof InputError || (error as { exitCode?: number }).exitCode === 2 ? 2 : 1;
  }
}

/** Runs the CLI with process.argv and exits once stdout has drained (bin/patterns.mjs calls this with its checkout). */
export async function main(options: { root?: string } = {}): Promise<void> {
  if (!(await startCli(options.root))) return;
  const code = await run(process.argv.slice(2));
  // for benchmarks: the process's peak memory, on stderr so --json output stays clean
  if (process.env.PATTERNS_REPORT_PEAK_RSS) process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
  process.stdout.write("", () => process.exit(code));
}
