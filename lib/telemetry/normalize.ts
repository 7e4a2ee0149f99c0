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
 * A copy of `s` that holds on to nothing else. A string split out of a larger one (a writer's packed chunk,
 * lib/telemetry/sqlite-writer.ts) may keep the whole chunk alive; what outlives a chunk is copied with this.
 */
export function detached(s: string): string {
  return Buffer.from(s, "utf8").toString("utf8");
}

/**
 * Daily metric increments for the executions actually stored, one per (day, pattern, operation), handed
 * out in a stable order so concurrent writers lock metric rows in the same order. Both bulk writers use it.
 */
export class MetricFold {
  /** day number → pattern id ("" for none) → operation → increments: no key string built per row */
  private readonly byDay = new Map<number, Map<string, Map<string, MetricDelta>>>();

  add(startedAt: number, patternId: string | null, operation: string, success: boolean, durationMs: number): void {
    const d = this.entry(Math.floor(startedAt / DAY_MS), patternId ?? "", operation);
    d.executions++;
    if (success) d.successes++;
    else d.failures++;
    d.totalDurationMs += durationMs;
  }

  private entry(dayNumber: number, patternId: string, operation: string): MetricDelta {
    let byPattern = this.byDay.get(dayNumber);
    if (!byPattern) this.byDay.set(dayNumber, (byPattern = new Map()));
    let byOperation = byPattern.get(patternId);
    // kept as long as the fold (a whole file, for `patterns ingest`): copies, so they keep no packed chunk alive
    if (!byOperation) byPattern.set(detached(patternId), (byOperation = new Map()));
    let d = byOperation.get(operation);
    if (!d) {
      const day = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
      d = { day, patternId: detached(patternId), operation: detached(operation), executions: 0, successes: 0, failures: 0, totalDurationMs: 0 };
      byOperation.set(d.operation, d);
    }
    return d;
  }

  /** Adds another fold's increments (one request's, once it is stored). */
  merge(other: MetricFold): void {
    for (const [dayNumber, byPattern] of other.byDay) {
      for (const [patternId, byOperation] of byPattern) {
        for (const [operation, d] of byOperation) {
          const mine = this.entry(dayNumber, patternId, operation);
          mine.executions += d.executions;
          mine.successes += d.successes;
          mine.failures += d.failures;
          mine.totalDurationMs += d.totalDurationMs;
        }
      }
    }
  }

  /** Every increment, ordered by day, pattern and operation. */
  deltas(): MetricDelta[] {
    const all: MetricDelta[] = [];
    for (const byPattern of this.byDay.values()) for (const byOperation of byPattern.values()) all.push(...byOperation.values());
    const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return all.sort((a, b) => text(a.day, b.day) || text(a.patternId, b.patternId) || text(a.operation, b.operation));
  }
}
