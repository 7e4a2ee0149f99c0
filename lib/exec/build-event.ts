// Turns a finished command into the execution event `patterns exec` records. What leaves the machine is
// decided here: a secret file (secret-files.ts) keeps its path but never its content, and token-like
// strings (redact-secrets.ts) are replaced in the stderr tail, the inputs (with the value of any input
// named as a secret), the operation, fix, source and fix command, and every file content.
import type { ExecOptions } from "../schemas/exec-options";
import { LIMITS, type ExecutionEvent } from "../telemetry/event-schema";
import { redactedTail, redactSecrets, redactValue } from "./redact-secrets";
import { isSecretPath } from "./secret-files";

/** How much of the end of the command's stderr is recorded (characters, after redaction). */
export const STDERR_TAIL = 4000;
/** How much the runner keeps to redact from: more than is recorded, so a token cut at its edge is still seen whole. */
export const STDERR_KEPT = 2 * STDERR_TAIL;

export interface FinishedRun {
  command: string;
  exitCode: number;
  /** the last STDERR_KEPT characters of stderr, as written */
  stderrTail: string;
  startedAt: number;
  durationMs: number;
  changes: Array<{ path: string; action: "created" | "modified" }>;
}

const utf8 = new TextEncoder();

/** Content to upload for a changed file, or undefined to record its path only. */
function contentFor(change: FinishedRun["changes"][number], read: (path: string) => string | null): string | undefined {
  if (change.action !== "created" || isSecretPath(change.path)) return undefined;
  const raw = read(change.path);
  if (raw === null) return undefined;
  const content = redactSecrets(raw);
  // a redaction marker can be longer than the secret it replaced: never push a file past the contract
  return utf8.encode(content).length <= LIMITS.fileContentBytes ? content : undefined;
}

/** The run's inputs as they may leave the machine: token-like strings redacted, and the value of a key named as a secret. */
export function redactedInputs(opts: Pick<ExecOptions, "--input">): Record<string, unknown> {
  return redactValue(opts["--input"]) as Record<string, unknown>;
}

/** A text field of the user's (operation, fix, source) redacted, kept within its bound (a marker can be longer than what it replaced). */
function redactedField(value: string, limit: number): string {
  return redactSecrets(value).slice(0, limit);
}

/** Changed files the event cannot list, by reason: a path past the contract's length, or past its count. */
export interface FilesLeftOut {
  longPaths: number;
  pastLimit: number;
}

/** The changes an event lists (the contract's bounds), and how many it leaves out, for the caller to say so. */
export function filesToRecord(changes: FinishedRun["changes"]): { kept: FinishedRun["changes"]; leftOut: FilesLeftOut } {
  const fitting = changes.filter((c) => c.path.length <= LIMITS.pathLength);
  const kept = fitting.slice(0, LIMITS.filesPerEvent);
  return { kept, leftOut: { longPaths: changes.length - fitting.length, pastLimit: fitting.length - kept.length } };
}

export function buildExecEvent(opts: ExecOptions, run: FinishedRun, read: (path: string) => string | null, defaults: { id: string; source: string }): ExecutionEvent {
  const files = filesToRecord(run.changes).kept.map((c) => {
    const content = contentFor(c, read);
    return content === undefined ? c : { ...c, content };
  });
  const inputs = redactedInputs(opts);
  const success = run.exitCode === 0;
  const message = redactedTail(run.stderrTail, STDERR_TAIL).trim() || `${run.command} exited with code ${run.exitCode}`;
  return {
    id: opts["--id"] ?? defaults.id,
    ...(opts["--pattern"] ? { patternId: opts["--pattern"] } : {}),
    operation: redactedField(opts["--operation"], LIMITS.operationLength),
    ...(Object.keys(inputs).length ? { inputs } : {}),
    ...(files.length ? { files } : {}),
    startedAt: new Date(run.startedAt).toISOString(),
    durationMs: run.durationMs,
    success,
    ...(success ? {} : { error: { type: `exit ${run.exitCode}`, message: message.slice(0, LIMITS.errorMessageLength) } }),
    ...(opts["--retry-of"] ? { retryOf: opts["--retry-of"] } : {}),
    ...(opts["--fix"] ? { fix: redactedField(opts["--fix"], LIMITS.fixLength) } : {}),
    source: redactedField(opts["--source"] ?? defaults.source, LIMITS.sourceLength),
    ...fixCommandOf(opts),
  };
}

/** A token in a command never leaves the machine either (a recipe holding one cannot work: use the environment). */
function fixCommandOf(opts: ExecOptions): { fixCommand?: string } {
  if (!opts["--fix"] || !opts["--fix-cmd"]) return {};
  const command = redactSecrets(opts["--fix-cmd"]);
  return command.length <= LIMITS.fixCommandLength ? { fixCommand: command } : {};
}
