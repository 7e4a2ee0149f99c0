// Runs an approved recipe for `patterns exec --heal`: its command line in /bin/sh, in the command's folder,
// with no input (a recipe must not wait for a person), its output shown on stderr (stdout stays the
// command's own), within a time limit. It runs in its own process group so a timeout or a Ctrl-C stops
// everything it started, not only the shell.
import { spawn } from "node:child_process";
import { constants } from "node:os";

export interface RecipeRun {
  /** The exit code (128 + signal number when a signal ended it). */
  code: number;
  timedOut: boolean;
  /** Stopped because we were interrupted (Ctrl-C, SIGTERM): the heal stops there. */
  interrupted: boolean;
  durationMs: number;
}

/** After the time limit the group gets SIGTERM, and SIGKILL this long after if it is still there. */
const KILL_GRACE_MS = 5_000;

export function runRecipe(command: string, opts: { timeoutMs: number; out?: NodeJS.WritableStream }): Promise<RecipeRun> {
  const out = opts.out ?? process.stderr;
  const started = Date.now();
  return new Promise((resolve) => {
    let timedOut = false;
    let interrupted = false;
    const child = spawn("/bin/sh", ["-c", command], { stdio: ["ignore", "pipe", "pipe"], detached: true });
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        /* already gone */
      }
    };
    let grace: NodeJS.Timeout | undefined;
    const stop = () => {
      killGroup("SIGTERM");
      grace ??= setTimeout(() => killGroup("SIGKILL"), KILL_GRACE_MS);
    };
    const limit = setTimeout(() => {
      timedOut = true;
      stop();
    }, opts.timeoutMs);
    const onSignal = () => {
      interrupted = true;
      stop();
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    process.on("SIGHUP", onSignal);
    child.stdout.on("data", (chunk: Buffer) => out.write(chunk));
    child.stderr.on("data", (chunk: Buffer) => out.write(chunk));
    const done = (code: number) => {
      clearTimeout(limit);
      clearTimeout(grace);
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      process.off("SIGHUP", onSignal);
      resolve({ code, timedOut, interrupted, durationMs: Date.now() - started });
    };
    child.on("error", () => done(127));
    child.on("close", (code, signal) => done(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1)));
  });
}
