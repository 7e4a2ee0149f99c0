// Turns a finished command into the execution event `patterns exec` records. What leaves the machine is
// decided here: a secret file (secret-files.ts) keeps its path but never its content, and token-like
// strings (redact-secrets.ts) are replaced in the stderr tail, the inputs and every file content.
import type { ExecOptions } from "../schemas/exec-options";
import { LIMITS, type ExecutionEvent } from "../telemetry/event-schema";
import { redactSecrets } from "./redact-secrets";
import { isSecretPath } from "./secret-files";

export interface FinishedRun {
  command: string;
  exitCode: number;
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

/** The run's inputs as they may leave the machine (token-like strings redacted). */
export function redactedInputs(opts: Pick<ExecOptions, "--input">): Record<string, unknown> {
  return Object.fromEntries(Object.entries(opts["--input"]).map(([k, v]) => [k, typeof v === "string" ? redactSecrets(v) : v]));
}

export function buildExecEvent(opts: ExecOptions, run: FinishedRun, read: (path: string) => string | null, defaults: { id: string; source: string }): ExecutionEvent {
  const files = run.changes
    .filter((c) => c.path.length <= LIMITS.pathLength)
    .slice(0, LIMITS.filesPerEvent)
    .map((c) => {
      const content = contentFor(c, read);
      return content === undefined ? c : { ...c, content };
    });
  const inputs = redactedInputs(opts);
  const success = run.exitCode === 0;
  const message = redactSecrets(run.stderrTail.trim()) || `${run.command} exited with code ${run.exitCode}`;
  return {
    id: opts["--id"] ?? defaults.id,
    ...(opts["--pattern"] ? { patternId: opts["--pattern"] } : {}),
    operation: opts["--operation"],
    ...(Object.keys(inputs).length ? { inputs } : {}),
    ...(files.length ? { files } : {}),
    startedAt: new Date(run.startedAt).toISOString(),
    durationMs: run.durationMs,
    success,
    ...(success ? {} : { error: { type: `exit ${run.exitCode}`, message: message.slice(0, LIMITS.errorMessageLength) } }),
    ...(opts["--retry-of"] ? { retryOf: opts["--retry-of"] } : {}),
    ...(opts["--fix"] ? { fix: opts["--fix"] } : {}),
    source: opts["--source"] ?? defaults.source,
    ...fixCommandOf(opts),
  };
}

/** A token in a command never leaves the machine either (a recipe holding one cannot work: use the environment). */
function fixCommandOf(opts: ExecOptions): { fixCommand?: string } {
  if (!opts["--fix"] || !opts["--fix-cmd"]) return {};
  const command = redactSecrets(opts["--fix-cmd"]);
  return command.length <= LIMITS.fixCommandLength ? { fixCommand: command } : {};
}
