// A pattern registered from telemetry has no spec until someone writes one, yet its runs say what it
// does: the operation it runs most, the inputs it is given, how often it succeeds. This builds the spec
// AUTO-006 matches such a pattern by, from a summary of its runs (pure; the query reads the summary).
import { valueKey } from "./suggest";
import type { PatternSpec } from "../schemas/pattern-spec";

export interface OperationTally {
  operation: string;
  runs: number;
  successes: number;
}

export interface RunSample {
  id: string;
  inputs: Record<string, unknown> | null;
  durationMs: number;
}

export interface RunRecord {
  /** Every operation the pattern ran, with its runs and successes (from the daily metrics). */
  operations: readonly OperationTally[];
  /** Its latest runs, newest first: their inputs describe its parameters. */
  samples: readonly RunSample[];
}

const MAX_OBSERVED = 20;

function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return Math.round(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** The spec its runs describe, or null when it has none to speak of. */
export function specFromRuns(name: string, record: RunRecord): PatternSpec | null {
  const ops = [...record.operations].filter((o) => o.runs > 0).sort((a, b) => b.runs - a.runs || (a.operation < b.operation ? -1 : 1));
  if (!ops.length) return null;
  const runs = ops.reduce((n, o) => n + o.runs, 0);
  const successes = ops.reduce((n, o) => n + o.successes, 0);

  const values = new Map<string, Map<string, { value: unknown; count: number }>>();
  const present = new Map<string, number>();
  for (const s of record.samples) {
    for (const [key, value] of Object.entries(s.inputs ?? {})) {
      present.set(key, (present.get(key) ?? 0) + 1);
      const seen = values.get(key) ?? new Map<string, { value: unknown; count: number }>();
      const text = valueKey(value);
      const v = seen.get(text);
      if (v) v.count++;
      else seen.set(text, { value, count: 1 });
      values.set(key, seen);
    }
  }
  const samples = record.samples.length;
  const keys = [...values.keys()].sort();
  const invariants: Record<string, unknown> = {};
  const parameters: PatternSpec["parameters"] = [];
  for (const key of keys) {
    const seen = [...values.get(key)!.entries()].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
    const everywhere = present.get(key) === samples;
    // one value in every sampled run (and more than one run to say so) is an invariant, as in AUTO-001
    if (everywhere && samples > 1 && seen.length === 1) invariants[key] = seen[0]![1].value;
    else parameters.push({ name: key, observed: seen.slice(0, MAX_OBSERVED).map(([text]) => text), required: everywhere });
  }
  const others = ops.length > 1 ? `; also ${ops.slice(1, 4).map((o) => `${o.operation} (${o.runs})`).join(", ")}${ops.length > 4 ? ", …" : ""}` : "";
  return {
    name,
    operation: ops[0]!.operation,
    description: `Described by its ${runs} run${runs === 1 ? "" : "s"} (registered from telemetry, no spec written yet)${others}.`,
    parameters,
    invariants,
    examples: record.samples.slice(0, 10).map((s) => s.id),
    successRate: successes / runs,
    medianDurationMs: median(record.samples.map((s) => s.durationMs)),
  };
}
