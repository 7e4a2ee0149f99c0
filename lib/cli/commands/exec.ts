// `patterns exec --operation OP [--pattern ID] [--input k=v ...] -- COMMAND [ARGS...]`: runs the command
// untouched (its output passes through, its exit code is ours) and records it as one execution.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import { readSmallText, watchTree } from "../../exec/file-changes";
import { record, remoteDeliver, type Deliver } from "../../exec/recorder";
import { LIMITS, type ExecutionEvent } from "../../telemetry/event-schema";
import { ingestEvents } from "../../telemetry/ingest";
import { CliError, withDb } from "../context";

const STDERR_TAIL = 4000;

function parseInputs(pairs: string[]): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new CliError(`--input "${pair}": expected key=value`, 2);
    inputs[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return inputs;
}

function localDeliver(): Deliver {
  return async (events) => {
    const outcome = await withDb((db) => ingestEvents(db, events, { actor: "cli:exec" }));
    if (!outcome.ok) throw new Error(outcome.errors[0]?.message ?? "the event was refused");
  };
}

interface RunResult {
  code: number;
  stderrTail: string;
}

function runCommand(command: string, args: string[]): Promise<RunResult> {
  return new Promise((resolve) => {
    let tail = "";
    const child = spawn(command, args, { stdio: ["inherit", "inherit", "pipe"] });
    child.stderr.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk);
      tail = (tail + chunk.toString("utf8")).slice(-STDERR_TAIL);
    });
    child.on("error", (error) => resolve({ code: 127, stderrTail: `${command}: ${error.message}` }));
    child.on("close", (code, signal) => {
      const signalCode = signal ? 128 + ({ SIGINT: 2, SIGKILL: 9, SIGTERM: 15 } as Record<string, number>)[signal]! || 1 : 0;
      resolve({ code: code ?? signalCode, stderrTail: tail });
    });
  });
}

export function registerExec(program: Command): void {
  program.enablePositionalOptions();
  program
    .command("exec")
    .description("run a command and record it as one execution (duration, result, stderr tail, files it changed)")
    .requiredOption("--operation <op>", "what the command does, e.g. build_docs")
    .option("--pattern <id>", "the pattern this run executes")
    .option("--input <key=value>", "a parameter of the run (repeatable)", (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option("--retry-of <id>", "id of the failed execution this run retries")
    .option("--fix <text>", "the remedy applied before this retry")
    .option("--id <id>", "the execution id (default: a new one)")
    .option("--source <name>", "who ran it (default: this host)")
    .argument("<command...>", "the command and its arguments, after --")
    .passThroughOptions()
    .action(async (argv: string[], opts: { operation: string; pattern?: string; input: string[]; retryOf?: string; fix?: string; id?: string; source?: string }) => {
      if (opts.fix && !opts.retryOf) throw new CliError("--fix needs --retry-of: a fix describes a retry", 2);
      const inputs = parseInputs(opts.input);
      const cwd = process.cwd();
      const watcher = watchTree(cwd);
      const started = Date.now();
      const result = await runCommand(argv[0]!, argv.slice(1));
      const durationMs = Date.now() - started;
      const files = watcher.changes().slice(0, LIMITS.filesPerEvent).map((f) => {
        const content = f.action === "created" ? readSmallText(join(cwd, f.path)) : null;
        return content === null ? f : { ...f, content };
      });
      const success = result.code === 0;
      const event: ExecutionEvent = {
        id: opts.id ?? `exec_${randomUUID()}`,
        ...(opts.pattern ? { patternId: opts.pattern } : {}),
        operation: opts.operation,
        ...(Object.keys(inputs).length ? { inputs } : {}),
        ...(files.length ? { files } : {}),
        startedAt: new Date(started).toISOString(),
        durationMs,
        success,
        ...(success ? {} : { error: { type: `exit ${result.code}`, message: result.stderrTail.trim() || `${argv[0]} exited with code ${result.code}` } }),
        ...(opts.retryOf ? { retryOf: opts.retryOf } : {}),
        ...(opts.fix ? { fix: opts.fix } : {}),
        source: opts.source ?? hostname(),
      };
      const url = process.env.PATTERNS_URL;
      const token = process.env.PATTERNS_TOKEN;
      if (url && !token) process.stderr.write("patterns: PATTERNS_URL is set but PATTERNS_TOKEN is not; recording locally\n");
      const outcome = await record(event, url && token ? remoteDeliver(url, token) : localDeliver());
      if (!outcome.delivered) {
        process.stderr.write(`patterns: could not record execution ${event.id} (${outcome.error}); ${outcome.spooledTo ? `kept in ${outcome.spooledTo}, sent next time` : "it is lost"}\n`);
      } else if (process.env.PATTERNS_VERBOSE) {
        process.stderr.write(`patterns: recorded ${event.id}${outcome.flushed ? ` and ${outcome.flushed} spooled` : ""}\n`);
      }
      process.exitCode = result.code;
    });
}
