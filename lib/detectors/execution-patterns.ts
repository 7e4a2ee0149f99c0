// AUTO-001: ad-hoc executions that did the same thing — same operation, same input keys, same shape of
// files — grouped; a group of at least `minSize` becomes a pattern candidate with a confidence whose parts
// a reviewer can read, and a proposed spec (parameters = inputs that vary, invariants = inputs that never did).
import type { PatternSpec } from "../schemas/pattern-spec";
import { signatureKey } from "../signature";

export interface AdHocRun {
  id: string;
  operation: string;
  inputs: Record<string, unknown> | null;
  filePaths: string[];
  startedAt: number;
  durationMs: number;
  success: boolean;
}

export interface ConfidenceParts {
  /** How many: 1 − e^(−(n − min + 1) / 4): 3 runs ≈ 0.22, 6 ≈ 0.63, 10 ≈ 0.86. */
  count: number;
  /** How alike: 0.5 + 0.5 × share of input keys whose value never changed (1 with no inputs). */
  similarity: number;
  /** How often it succeeded. */
  success: number;
  /** How recent: e^(−days since the latest run / 14). */
  recency: number;
}

export const CONFIDENCE_WEIGHTS: Readonly<ConfidenceParts> = { count: 0.35, similarity: 0.2, success: 0.3, recency: 0.15 };

export interface ExecutionCandidate {
  groupKey: string;
  operation: string;
  size: number;
  /** Execution ids as sent, newest first (at most 50). */
  evidence: string[];
  confidence: number;
  parts: ConfidenceParts;
  spec: PatternSpec;
}

const DAY = 86_400_000;

/** A file path's shape: directories with numbers or hex ids masked, the file name reduced to its extension. */
export function pathShape(path: string): string {
  const parts = path.split("/");
  const file = parts.pop() ?? "";
  const dot = file.lastIndexOf(".");
  const dirs = parts.map((seg) => (/\d/.test(seg) ? "*" : seg));
  return [...dirs, `*${dot > 0 ? file.slice(dot) : ""}`].join("/");
}

export function groupKeyOf(run: AdHocRun): string {
  const keys = Object.keys(run.inputs ?? {}).sort();
  const shapes = [...new Set(run.filePaths.map(pathShape))].sort();
  return `${run.operation}\u0000${keys.join(",")}\u0000${shapes.join(",")}`;
}

const humanise = (op: string) => op.replace(/[_\-.]+/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").replace(/^./, (c) => c.toUpperCase());
const valueText = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
}

export function detectExecutionPatterns(runs: readonly AdHocRun[], opts: { now: number; minSize: number }): ExecutionCandidate[] {
  const groups = new Map<string, AdHocRun[]>();
  for (const r of runs) {
    const key = groupKeyOf(r);
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const out: ExecutionCandidate[] = [];
  for (const [key, group] of groups) {
    if (group.length < opts.minSize) continue;
    group.sort((a, b) => b.startedAt - a.startedAt || (a.id < b.id ? -1 : 1));
    const keys = Object.keys(group[0]!.inputs ?? {}).sort();
    const invariants: Record<string, unknown> = {};
    const parameters: PatternSpec["parameters"] = [];
    for (const k of keys) {
      const counts = new Map<string, number>();
      for (const r of group) counts.set(valueText(r.inputs![k]), (counts.get(valueText(r.inputs![k])) ?? 0) + 1);
      if (counts.size === 1) invariants[k] = group[0]!.inputs![k];
      else {
        const observed = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 20).map(([v]) => v);
        parameters.push({ name: k, observed, required: true });
      }
    }
    const successes = group.filter((r) => r.success).length;
    const parts: ConfidenceParts = {
      count: 1 - Math.exp(-(group.length - opts.minSize + 1) / 4),
      similarity: keys.length ? 0.5 + 0.5 * (Object.keys(invariants).length / keys.length) : 1,
      success: successes / group.length,
      recency: Math.exp(-Math.max(0, opts.now - group[0]!.startedAt) / DAY / 14),
    };
    const confidence =
      parts.count * CONFIDENCE_WEIGHTS.count + parts.similarity * CONFIDENCE_WEIGHTS.similarity + parts.success * CONFIDENCE_WEIGHTS.success + parts.recency * CONFIDENCE_WEIGHTS.recency;
    const operation = group[0]!.operation;
    const shapes = key.split("\u0000")[2];
    out.push({
      groupKey: signatureKey(key),
      operation,
      size: group.length,
      evidence: group.slice(0, 50).map((r) => r.id),
      confidence: Math.round(confidence * 1000) / 1000,
      parts,
      spec: {
        name: humanise(operation),
        operation,
        description: `Seen ${group.length} times as ad-hoc work${parameters.length ? `, varying ${parameters.map((p) => p.name).join(", ")}` : ""}.`,
        parameters,
        invariants,
        ...(shapes ? { files: shapes.split(",") } : {}),
        examples: group.slice(0, 5).map((r) => r.id),
        successRate: Math.round(parts.success * 10_000) / 10_000,
        medianDurationMs: median(group.map((r) => r.durationMs)),
      },
    });
  }
  return out.sort((a, b) => b.confidence - a.confidence || (a.groupKey < b.groupKey ? -1 : 1));
}

/** A rejected candidate comes back only when its group has at least doubled, and by at least 3 runs. */
export function grewMaterially(sizeAtDecision: number, sizeNow: number): boolean {
  return sizeNow >= Math.max(2 * sizeAtDecision, sizeAtDecision + 3);
}
