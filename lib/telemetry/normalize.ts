// A validated event → the row we store: server id where none was sent, times in epoch ms, the error
// signature computed once on the way in, inputs as JSON text.
import { randomUUID } from "node:crypto";
import { errorSignature, signatureKey } from "../signature";
import type { ExecutionEvent } from "./event-schema";

export interface FileRow {
  path: string;
  action: "created" | "modified";
  content: string | null;
}

export interface ExecutionRow {
  id: string;
  patternId: string | null;
  operation: string;
  inputs: string | null;
  fileCount: number;
  startedAt: number;
  durationMs: number;
  success: boolean;
  errorType: string | null;
  errorMessage: string | null;
  errorSignature: string | null;
  errorKey: string | null;
  retryOf: string | null;
  fix: string | null;
  source: string | null;
  receivedAt: number;
  fixCommand: string | null;
  files: FileRow[];
}

export function newExecutionId(): string {
  return `srv_${randomUUID()}`;
}

/** The parts of a row that come from the event, already checked. */
export interface RowParts {
  id: string | undefined;
  patternId: string | null;
  operation: string;
  inputsJson: string | null;
  files: FileRow[];
  startedAt: number;
  durationMs: number;
  success: boolean;
  errorType: string | null;
  errorMessage: string | null;
  retryOf: string | null;
  fix: string | null;
  source: string | null;
  fixCommand?: string | null;
}

/** Completes a row: the server id where none was sent, and the error signature, computed once here. */
export function toRowFrom(p: RowParts, receivedAt: number): ExecutionRow {
  const signature = p.errorMessage !== null ? errorSignature(p.errorMessage) : null;
  return {
    id: p.id ?? newExecutionId(),
    patternId: p.patternId,
    operation: p.operation,
    inputs: p.inputsJson,
    fileCount: p.files.length,
    startedAt: p.startedAt,
    durationMs: p.durationMs,
    success: p.success,
    errorType: p.errorType,
    errorMessage: p.errorMessage,
    errorSignature: signature,
    errorKey: signature !== null ? signatureKey(signature) : null,
    retryOf: p.retryOf,
    fix: p.fix,
    source: p.source,
    receivedAt,
    fixCommand: p.fixCommand ?? null,
    files: p.files,
  };
}

/** The row for an event the zod schema accepted. */
export function toRow(event: ExecutionEvent, receivedAt: number): ExecutionRow {
  return toRowFrom(
    {
      id: event.id,
      patternId: event.patternId ?? null,
      operation: event.operation,
      inputsJson: event.inputs === undefined ? null : JSON.stringify(event.inputs),
      files: (event.files ?? []).map((f) => ({ path: f.path, action: f.action ?? "created", content: f.content ?? null })),
      startedAt: Date.parse(event.startedAt),
      durationMs: event.durationMs,
      success: event.success,
      errorType: event.error?.type ?? null,
      errorMessage: event.error?.message ?? null,
      retryOf: event.retryOf ?? null,
      fix: event.fix ?? null,
      source: event.source ?? null,
      fixCommand: event.fixCommand ?? null,
    },
    receivedAt,
  );
}

export interface MetricDelta {
  day: string;
  patternId: string;
  operation: string;
  executions: number;
  successes: number;
  failures: number;
  totalDurationMs: number;
}

const DAY_MS = 86_400_000;

/**
 * Daily metric increments for the executions actually stored, one per (day, pattern, operation), handed
 * out in a stable order so concurrent writers lock metric rows in the same order. Both bulk writers use it.
 */
export class MetricFold {
  private readonly byKey = new Map<string, MetricDelta>();
  private readonly dayNames = new Map<number, string>();

  add(startedAt: number, patternId: string | null, operation: string, success: boolean, durationMs: number): void {
    const dayNumber = Math.floor(startedAt / DAY_MS);
    let day = this.dayNames.get(dayNumber);
    if (!day) {
      day = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
      this.dayNames.set(dayNumber, day);
    }
    const key = `${day}\u0000${patternId ?? ""}\u0000${operation}`;
    let d = this.byKey.get(key);
    if (!d) {
      d = { day, patternId: patternId ?? "", operation, executions: 0, successes: 0, failures: 0, totalDurationMs: 0 };
      this.byKey.set(key, d);
    }
    d.executions++;
    if (success) d.successes++;
    else d.failures++;
    d.totalDurationMs += durationMs;
  }

  /** Adds another fold's increments (one request's, once it is stored). */
  merge(other: MetricFold): void {
    for (const [key, d] of other.byKey) {
      const mine = this.byKey.get(key);
      if (!mine) this.byKey.set(key, { ...d });
      else {
        mine.executions += d.executions;
        mine.successes += d.successes;
        mine.failures += d.failures;
        mine.totalDurationMs += d.totalDurationMs;
      }
    }
  }

  deltas(): MetricDelta[] {
    return [...this.byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d);
  }
}
