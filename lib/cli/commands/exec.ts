// `patterns exec --operation OP [--pattern ID] [--input k=v ...] [--heal[=ask]] -- COMMAND [ARGS...]`: runs
// the command untouched (its output passes through, its exit code is ours) and records it as one execution,
// through the spool (lib/exec/recorder.ts): to PATTERNS_URL when set, else to the local database. Before the
// run it says which active pattern the run looks like (AUTO-006; --quiet silences it); after a failure,
// with --heal, it runs the approved recipe of the error's best fix and the command once more (lib/exec/heal.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { constants, hostname } from "node:os";
import type { Command } from "commander";
import type { DbHandle } from "../../db/client";
import { buildExecEvent, filesToRecord, redactedInputs, STDERR_KEPT, type FilesLeftOut } from "../../exec/build-event";
import { execConfigFromEnv, ExecConfigError } from "../../exec/exec-config";
import { readSmallText, watchTree } from "../../exec/file-changes";
import { localLookup, remoteLookup, type Lookup } from "../../exec/heal-lookup";
import { suggestionLine } from "../../exec/heal-messages";
import { record, type Fate } from "../../exec/recorder";
import { printable, remoteDeliver } from "../../exec/remote-delivery";
import type { Deliver, SpoolConfig } from "../../exec/spool";
import { execOptionsSchema, type ExecOptions } from "../../schemas/exec-options";
import { parseInput } from "../../schemas/parse-input";
import { LIMITS, type ExecutionEvent } from "../../telemetry/event-schema";
import { ingestEvents } from "../../telemetry/ingest";
import { CliError, openCliDb } from "../context";
import { healAfterFailure } from "../../exec/heal";

/** The local database, opened on first use and once for the whole run (lookups, records, replay). */
function lazyLocalDb(): { get: () => Promise<DbHandle>; reset: () => void; close: () => Promise<void> } {
  let db: Promise<DbHandle> | null = null;
  return {
    get: () => (db ??= openCliDb()),
    reset: () => void (db = null),
    close: async () => {
      if (db) await (await db.catch(() => null))?.close();
    },
  };
}

/** Delivery into the local database. */
function localDelivery(local: ReturnType<typeof lazyLocalDb>): Deliver {
  return async (events) => {
    try {
      const outcome = await ingestEvents(await local.get(), events, { actor: "cli:exec" });
      if (outcome.ok) return outcome.duplicates ? { kind: "delivered", duplicates: outcome.duplicates } : { kind: "delivered" };
      const first = outcome.errors[0];
      return { kind: "refused", reason: first ? `${first.path ? `${first.path}: ` : ""}${first.message}` : "the event was refused" };
    } catch (error) {
      local.reset();
      return { kind: "deferred", reason: `the local database is not available (${printable((error as Error).message)})` };
    }
  };
}

interface RunResult {
  code: number;
  stderrTail: string;
  /** Why the command could not start (not found, not executable), as the line to print; it is recorded too. */
  notStarted?: string;
}

/** A shell's words for a command that did not start, with the system's code: `make: command not found (spawn ENOENT)`. */
function notStartedLine(command: string, error: NodeJS.ErrnoException): string {
  const why: Record<string, string> = { ENOENT: "command not found", EACCES: "permission denied", ENOTDIR: "not a folder on the way", EISDIR: "is a folder" };
  const reason = (error.code && why[error.code]) ?? "could not start";
  return `${command}: ${reason} (${error.code ? `spawn ${error.code}` : printable(error.message)})`;
}

/**
 * Runs the command as the user would. While it runs, Ctrl-C is left to it (the terminal sends SIGINT to
 * both of us; we wait and record how it ended) and SIGTERM/SIGHUP sent to us are passed on, so an
 * interrupted run is still recorded instead of vanishing with us.
 */
function runCommand(command: string, args: string[]): Promise<RunResult> {
  return new Promise((resolve) => {
    let tail = "";
    // the handlers go in before the spawn: a quick command can signal us before spawn() returns
    const started: { child?: ChildProcess; pending?: NodeJS.Signals } = {};
    const wait = () => {};
    const pass = (signal: NodeJS.Signals) => () => void (started.child ? started.child.kill(signal) : (started.pending = signal));
    const passTerm = pass("SIGTERM");
    const passHup = pass("SIGHUP");
    process.on("SIGINT", wait);
    process.on("SIGTERM", passTerm);
    process.on("SIGHUP", passHup);
    const done = (result: RunResult) => {
      process.off("SIGINT", wait);
      process.off("SIGTERM", passTerm);
      process.off("SIGHUP", passHup);
      resolve(result);
    };
    const child = spawn(command, args, { stdio: ["inherit", "inherit", "pipe"] });
    started.child = child;
    if (started.pending) child.kill(started.pending);
    child.stderr.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk);
      tail = (tail + chunk.toString("utf8")).slice(-STDERR_KEPT);
    });
    child.on("error", (error) => {
      const line = notStartedLine(command, error);
      done({ code: 127, stderrTail: line, notStarted: line });
    });
    child.on("close", (code, signal) => {
      const signalCode = signal ? 128 + (constants.signals[signal] ?? 0) : 0;
      done({ code: code ?? signalCode, stderrTail: tail });
    });
  });
}

function fateLine(id: string, fate: Fate): string | null {
  switch (fate.kind) {
    case "delivered":
    case "taken":
      return null;
    case "duplicate":
      return `execution ${id} was already recorded (a duplicate id); not recorded again`;
    case "spooled":
      return `could not record execution ${id} (${fate.reason}); kept in ${fate.file}, sent next time`;
    case "dead-letter":
      return `execution ${id} was ${fate.reason}; not retried, kept in the dead-letter file ${fate.file}`;
    case "lost":
      return `could not record execution ${id} (${fate.reason}); it is lost`;
  }
}

type Warn = (line: string) => void;

/** Records one event through the spool and says where it went when that is not simply "delivered". */
async function recordEvent(event: ExecutionEvent, deliver: Deliver, spool: SpoolConfig, warn: Warn): Promise<void> {
  const outcome = await record(event, deliver, spool, warn);
  for (const dead of outcome.replay.deadLetters) {
    if (dead.file !== (outcome.fate.kind === "dead-letter" ? outcome.fate.file : null)) {
      warn(`a spooled execution (${dead.ids.join(", ") || "unreadable"}) was ${dead.reason}; moved to the dead-letter file ${dead.file}`);
    }
  }
  for (const known of outcome.replay.alreadyRecorded) {
    if (outcome.fate.kind === "duplicate" && known.ids.includes(event.id!)) continue;
    warn(`a spooled execution (${known.ids.join(", ")}) was already recorded (${known.duplicates === 1 ? "a duplicate id" : `${known.duplicates} duplicate ids`}); not recorded again`);
  }
  const line = fateLine(event.id!, outcome.fate);
  if (line) warn(line);
  else if (process.env.PATTERNS_VERBOSE) warn(`recorded ${event.id}${outcome.replayed ? ` and ${outcome.replayed} spooled` : ""}`);
}

/** One run of the command, watched and turned into its event. */
export interface ExecRun {
  code: number;
  event: ExecutionEvent;
}

async function runAndDescribe(argv: string[], opts: ExecOptions, warn: Warn): Promise<ExecRun> {
  const cwd = process.cwd();
  const watcher = watchTree(cwd);
  const started = Date.now();
  const result = await runCommand(argv[0]!, argv.slice(1));
  // the shell would have said it; the run is still recorded (exit 127)
  if (result.notStarted) warn(result.notStarted);
  const changes = watcher.changes();
  const event = buildExecEvent(
    opts,
    { command: argv[0]!, exitCode: result.code, stderrTail: result.stderrTail, startedAt: started, durationMs: Date.now() - started, changes },
    (path) => readSmallText(cwd, path, LIMITS.fileContentBytes),
    { id: `exec_${randomUUID()}`, source: hostname().slice(0, LIMITS.sourceLength) },
  );
  const leftOut = leftOutLine(event.id!, filesToRecord(changes).leftOut);
  if (leftOut) warn(leftOut);
  return { code: result.code, event };
}

/** One line when the record cannot list every changed file (the event contract's bounds), else null. */
function leftOutLine(id: string, { longPaths, pastLimit }: FilesLeftOut): string | null {
  const total = longPaths + pastLimit;
  if (total === 0) return null;
  const why = [
    ...(longPaths ? [`${longPaths} with a path longer than ${LIMITS.pathLength} characters`] : []),
    ...(pastLimit ? [`${pastLimit} past the ${LIMITS.filesPerEvent} files an execution lists`] : []),
  ];
  return `${total} changed file${total === 1 ? "" : "s"} left out of the record of execution ${id} (${why.join(", ")})`;
}

/** The suggestion before an ad-hoc run; a lookup that fails or is slow costs the run nothing but a line. */
async function suggestBeforeRun(lookup: Lookup, opts: ExecOptions, warn: Warn): Promise<void> {
  if (opts["--quiet"] || opts["--pattern"]) return;
  try {
    const inputs = redactedInputs(opts);
    const hint = await lookup.suggestion({ operation: opts["--operation"], ...(Object.keys(inputs).length ? { inputs } : {}) });
    if (hint) warn(suggestionLine(hint));
  } catch (error) {
    if (process.env.PATTERNS_VERBOSE) warn(`no suggestion: ${printable((error as Error).message)}`);
  }
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
    .option("--fix-cmd <command>", "the command that applied --fix (recorded with it; runs elsewhere only once a reviewer approves it)")
    .option("--heal [mode]", "after a failure, run the approved recipe of the error's best fix and the command once more (--heal=ask: ask first)")
    .option("--quiet", "no suggestion before the run")
    .option("--id <id>", "the execution id (default: a new one)")
    .option("--source <name>", "who ran it (default: this host)")
    .argument("<command...>", "the command and its arguments, after --")
    .passThroughOptions()
    .action(async (argv: string[], raw: RawExecOptions) => {
      // everything is checked before the command runs: a bad option must not cost a build
      const opts = parseInput(execOptionsSchema, {
        "--operation": raw.operation,
        "--pattern": raw.pattern,
        "--id": raw.id,
        "--retry-of": raw.retryOf,
        "--fix": raw.fix,
        "--fix-cmd": raw.fixCmd,
        "--source": raw.source,
        "--input": raw.input,
        "--heal": raw.heal === undefined ? undefined : raw.heal === true ? "auto" : raw.heal,
        "--quiet": raw.quiet,
      });
      if (opts["--heal"] === "ask" && !(process.stdin.isTTY && process.stderr.isTTY)) {
        throw new CliError("--heal=ask asks on a terminal and none is attached; use --heal to run approved, auto-applied recipes without asking", 2);
      }
      let config;
      try {
        config = execConfigFromEnv();
      } catch (error) {
        if (error instanceof ExecConfigError) throw new CliError(error.message, 1);
        throw error;
      }
      const warn = (line: string) => process.stderr.write(`patterns: ${line}\n`);
      if (config.urlWithoutToken) warn("PATTERNS_URL is set but PATTERNS_TOKEN is not; recording locally");

      const local = config.remote ? null : lazyLocalDb();
      const deliver = config.remote
        ? remoteDeliver(config.remote.url, config.remote.token, {
            policy: config.retry,
            onRetry: ({ reason, pauseMs }) => warn(`${reason}; trying again in ${Math.round(pauseMs / 100) / 10} s`),
          })
        : localDelivery(local!);
      const lookup = config.remote ? remoteLookup(config.remote.url, config.remote.token) : localLookup(local!.get);
      try {
        await suggestBeforeRun(config.remote ? remoteLookup(config.remote.url, config.remote.token, { timeoutMs: 2_000 }) : lookup, opts, warn);
        const first = await runAndDescribe(argv, opts, warn);
        await recordEvent(first.event, deliver, config.spool, warn);
        process.exitCode =
          first.code !== 0 && opts["--heal"]
            ? await healAfterFailure(first, {
                mode: opts["--heal"],
                lookup,
                timeoutMs: config.recipeTimeoutMs,
                warn,
                // the retry: the same run, marked as a retry of the failed one by the recipe's fix and command
                retry: async (fix, command) => {
                  const again = await runAndDescribe(argv, { ...opts, "--id": undefined, "--retry-of": first.event.id!, "--fix": fix, "--fix-cmd": command }, warn);
                  await recordEvent(again.event, deliver, config.spool, warn);
                  return again;
                },
              })
            : first.code;
      } finally {
        await local?.close();
      }
    });
}

interface RawExecOptions {
  operation: string;
  pattern?: string;
  input: string[];
  retryOf?: string;
  fix?: string;
  fixCmd?: string;
  id?: string;
  source?: string;
  heal?: string | true;
  quiet?: boolean;
}
