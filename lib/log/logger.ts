// The server's log: one JSON object per line (pino) on stdout, so a log shipper can read it. Each line
// carries the ids of what it belongs to (a request, a job run) from an async context, and secrets are
// redacted by path before anything is written. The CLI prints for people: it logs only when
// PATTERNS_LOG_LEVEL asks, and to stderr, so --json output on stdout stays clean (lib/cli/main.ts).
import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type DestinationStream, type Logger } from "pino";
import type { LOG_LEVELS } from "../schemas/env";

export type LogLevel = (typeof LOG_LEVELS)[number];

/** What a line belongs to: set around a request or a job run, added to every line logged inside it. */
export interface LogContext {
  requestId?: string;
  jobId?: string;
  jobRunId?: string;
  analysisRunId?: string;
}

const SECRET_KEYS = ["authorization", "cookie", "set-cookie", "token", "password", "secret", "apiKey", "tokenHash"];

/** Secret keys at the top of a line, one level down (`headers.cookie`) and two (`req.headers.cookie`). */
export const REDACT_PATHS = SECRET_KEYS.flatMap((k) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : `["${k}"]`;
  const join = (prefix: string) => (key.startsWith("[") ? `${prefix}${key}` : `${prefix}.${key}`);
  return [key.startsWith("[") ? key : k, join("*"), join("*.*")];
});

// One context per process, on globalThis as the logger is: the production server's own code and the routes
// Next.js bundled each have a copy of this module, and a route's ids must reach the shared logger's mixin.
const shared = globalThis as unknown as { patternsLogContext?: AsyncLocalStorage<LogContext> };
const context = (shared.patternsLogContext ??= new AsyncLocalStorage<LogContext>());

/** Runs fn with these ids added to every line it logs (nested contexts add to the outer one). */
export function withLogContext<T>(ids: LogContext, fn: () => T): T {
  return context.run({ ...context.getStore(), ...ids }, fn);
}

export function makeLogger(opts: { level?: LogLevel; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: opts.level ?? "info",
      base: { service: "pattern-automation" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      mixin: () => ({ ...context.getStore() }),
    },
    opts.destination ?? pino.destination({ fd: 1, sync: true }),
  );
}

// One logger per process, shared by every bundle Next.js loads the module into.
const holder = globalThis as unknown as { patternsLogger?: Logger };

/** The process's logger: stdout at PATTERNS_LOG_LEVEL (info) unless the CLI chose otherwise. */
export function logger(): Logger {
  holder.patternsLogger ??= makeLogger({ level: (process.env.PATTERNS_LOG_LEVEL?.trim() || "info") as LogLevel });
  return holder.patternsLogger;
}

/** The CLI's choice: it prints for people, so no log unless PATTERNS_LOG_LEVEL asks for one (on stderr). */
export function logToStderrForCli(): void {
  holder.patternsLogger = makeLogger({
    level: (process.env.PATTERNS_LOG_LEVEL?.trim() || "silent") as LogLevel,
    destination: pino.destination({ fd: 2, sync: true }),
  });
}

/** Puts another logger in place (tests read the lines); returns what undoes it. */
export function replaceLogger(next: Logger): () => void {
  const before = holder.patternsLogger;
  holder.patternsLogger = next;
  return () => {
    holder.patternsLogger = before;
  };
}
