// `patterns` for the commands that need no database or settings (today `signature`): a program holding
// only them, bundled apart (dist/light.mjs) and picked by bin/patterns.mjs from the command name, so a
// large file through `patterns signature` does not wait for the whole CLI (Prisma, zod, ...) to load. It
// starts as the full CLI does (lib/cli/start-up.ts): the checkout's .env files read, bad settings refused.
import { Command, CommanderError } from "commander";
import { registerSignature } from "./commands/signature";
import { startCli } from "./start-up";
import { usageExitCode } from "./usage-exit";

/** The commands this entry serves; bin/patterns.mjs keeps the same list to choose the entry. */
export const LIGHT_COMMANDS = ["signature"] as const;

export function buildLightProgram(): Command {
  const program = new Command("patterns").exitOverride();
  registerSignature(program);
  program.commands.forEach((c) => c.exitOverride());
  return program;
}

/** Same exit codes as lib/cli/main.ts: 0 success, 1 failure with a one-line reason, 2 bad usage. */
export async function runLight(argv: string[]): Promise<number> {
  try {
    await buildLightProgram().parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return usageExitCode(error);
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`patterns: ${message.split("\n").find((l) => l.trim()) ?? "failed"}\n`);
    return 1;
  }
}

export async function main(options: { root?: string } = {}): Promise<void> {
  // the same start as the full CLI: its checkout's .env files read, a bad setting refused (exit 1)
  if (!(await startCli(options.root))) return;
  const code = await runLight(process.argv.slice(2));
  // for benchmarks, on stderr so stdout stays the templates: peak memory, and CPU time since start
  if (process.env.PATTERNS_REPORT_PEAK_RSS) process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
  if (process.env.PATTERNS_REPORT_CPU) {
    const u = process.resourceUsage();
    process.stderr.write(`cpu-ms ${Math.round((u.userCPUTime + u.systemCPUTime) / 1000)}\n`);
  }
  process.stdout.write("", () => process.exit(code));
}
