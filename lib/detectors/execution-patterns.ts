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
const SEP = "\u001e"; // record separator: between a family's parts
const KEY_SEP = "\u001f"; // unit separator: between input keys (a key may hold a comma)

/**
 * A file path's shape for grouping: the top folder kept, the folders under it masked, the file name
 * reduced to its extension. reports/globex/summary.md and reports/acme-12/summary.md are one shape;
 * out/0/data.csv is another.
 */
export function pathShape(path: string): string {
  const parts = path.split("/");
  const file = parts.pop() ?? "";
  const dot = file.lastIndexOf(".");
  const dirs = parts.map((seg, i) => (i === 0 && seg !== "" ? seg : "*"));
  return [...dirs, `*${dot > 0 ? file.slice(dot) : ""}`].join("/");
}

/** The files a group produced, as shapes for its spec: per grouping shape, the segments that never changed kept, the rest `*`. */
export function fileShapes(paths: readonly string[]): string[] {
  const byShape = new Map<string, string[][]>();
  for (const p of paths) {
    const shape = pathShape(p);
    byShape.set(shape, [...(byShape.get(shape) ?? []), p.split("/")]);
  }
  const out: string[] = [];
  for (const [shape, list] of byShape) {
    const masked = shape.split("/");
    out.push(masked.map((m, i) => (list.every((segs) => segs[i] === list[0]![i]) ? list[0]![i]! : m)).join("/"));
  }
  return out.sort();
}

/**
 * An operation name with the ids in it masked as {{n}}: a token (between `_ - . / : space`) that is all
 * digits, or holds a digit and is at least 6 long (pr1234, a1b2c3d4, a UUID's parts). Short names with a
 * digit (s3, ec2, v2, q3) stay. "deploy-pr-1234" and "deploy-pr-87" are one operation.
 */
export function operationShape(operation: string): string {
  return operation.replace(/[^_\-./: ]+/g, (t) => (/^\d+$/.test(t) || (t.length >= 6 && /\d/.test(t)) ? "{{n}}" : t));
}

/** The family of a run: its operation's shape and the shapes of the files it produced. Runs of one family may still differ in their inputs. */
export function familyOf(run: Pick<AdHocRun, "operation" | "filePaths">): string {
  const shapes = [...new Set(run.filePaths.map(pathShape))].sort();
  return `${operationShape(run.operation)}${SEP}${shapes.join(",")}`;
}

/** The input keys of a run, sorted, joined by U+001F. */
export function keySetOf(run: Pick<AdHocRun, "inputs">): string {
  return Object.keys(run.inputs ?? {}).sort().join(KEY_SEP);
}

const splitKeys = (keySet: string) => (keySet === "" ? [] : keySet.split(KEY_SEP));

/**
 * Within a family, the input key sets that are one thing: the most frequent key set is a cluster's seed,
 * and a key set that differs from a seed by exactly one key (one optional input, present or not) joins
 * it; any other difference ({target, region} against {target, owner}) is another cluster. Returns each
 * key set's cluster core: the keys every member has, which names the cluster (stable as counts change).
 */
export function clusterKeySets(counts: ReadonlyMap<string, number>): Map<string, string> {
  const order = [...counts.entries()].sort((a, b) => b[1] - a[1] || splitKeys(a[0]).length - splitKeys(b[0]).length || (a[0] < b[0] ? -1 : 1));
  const clusters: Array<{ seed: Set<string>; members: string[] }> = [];
  for (const [keySet] of order) {
    const keys = new Set(splitKeys(keySet));
    const home = clusters.find((c) => {
      let diff = 0;
      for (const k of keys) if (!c.seed.has(k)) diff++;
      for (const k of c.seed) if (!keys.has(k)) diff++;
      return diff === 1;
    });
    if (home) home.members.push(keySet);
    else clusters.push({ seed: keys, members: [keySet] });
  }
  const out = new Map<string, string>();
  for (const c of clusters) {
    const core = [...c.seed].filter((k) => c.members.every((m) => splitKeys(m).includes(k))).sort().join(KEY_SEP);
    for (const m of c.members) out.set(m, core);
  }
  return out;
}

/**
 * Titles that tell a cluster apart from another of the same operation, most telling first: the inputs every
 * run has, then the files it writes. "Write file" by path and content, and by path and mode, become
 * "Write file (content, path)" and "Write file (mode, path)". Offered only when the plain title is taken.
 */
export function qualifiedTitles(spec: Pick<PatternSpec, "name" | "parameters" | "invariants" | "files">): string[] {
  const keys = [...Object.keys(spec.invariants), ...spec.parameters.filter((p) => p.required).map((p) => p.name)].sort();
  const withKeys = keys.length > 0 ? `${spec.name} (${keys.join(", ")})` : null;
  const files = spec.files?.length ? ` writing ${spec.files.join(", ")}` : "";
  return [withKeys, files && `${withKeys ?? spec.name}${files}`].filter((t): t is string => !!t);
}

/** The candidate key of a cluster: stable across runs, so a decision on it holds. */
export function groupKeyOf(family: string, core: string): string {
  return signatureKey(`${family}${SEP}${core}`);
}

const humanise = (op: string) =>
  op.replace(/\{\{n\}\}/g, "").replace(/[_\-.]+/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").replace(/\s+/g, " ").trim().replace(/^./, (c) => c.toUpperCase());
const valueText = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
}

/** Nearly every value different (at least 80 %) and most of them prose (with spaces): prompts or free-form commands, not a parameter. */
function isFreeText(values: readonly unknown[]): boolean {
  const texts = values.filter((v): v is string => typeof v === "string");
  if (texts.length < values.length || new Set(texts).size < 0.8 * texts.length) return false;
  return texts.filter((t) => /\s/.test(t.trim())).length * 2 >= texts.length;
}

/**
 * One cluster's runs → a candidate, or null when it is too small or its runs share nothing but the
 * operation's name: every input they have is free text that hardly repeats (one-off prompts to an agent;
 * the same question asked twice among many does not make them one thing).
 */
export function describeGroup(groupKey: string, family: string, runs: readonly AdHocRun[], opts: { now: number; minSize: number }): ExecutionCandidate | null {
  if (runs.length < opts.minSize) return null;
  const group = [...runs].sort((a, b) => b.startedAt - a.startedAt || (a.id < b.id ? -1 : 1));
  const keys = [...new Set(group.flatMap((r) => Object.keys(r.inputs ?? {})))].sort();
  const invariants: Record<string, unknown> = {};
  const parameters: PatternSpec["parameters"] = [];
  let freeText = 0;
  for (const k of keys) {
    const present = group.filter((r) => r.inputs && Object.hasOwn(r.inputs, k)).map((r) => r.inputs![k]);
    const counts = new Map<string, number>();
    for (const v of present) counts.set(valueText(v), (counts.get(valueText(v)) ?? 0) + 1);
    const required = present.length === group.length;
    if (required && counts.size === 1) invariants[k] = present[0];
    else {
      const observed = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 20).map(([v]) => v);
      parameters.push({ name: k, observed, required });
      if (isFreeText(present)) freeText++;
    }
  }
  if (keys.length > 0 && freeText === keys.length) return null;
  const successes = group.filter((r) => r.success).length;
  const parts: ConfidenceParts = {
    count: 1 - Math.exp(-(group.length - opts.minSize + 1) / 4),
    similarity: keys.length ? 0.5 + 0.5 * (Object.keys(invariants).length / keys.length) : 1,
    success: successes / group.length,
    recency: Math.exp(-Math.max(0, opts.now - group[0]!.startedAt) / DAY / 14),
  };
  const confidence =
    parts.count * CONFIDENCE_WEIGHTS.count + parts.similarity * CONFIDENCE_WEIGHTS.similarity + parts.success * CONFIDENCE_WEIGHTS.success + parts.recency * CONFIDENCE_WEIGHTS.recency;
  const opShape = family.split(SEP)[0]!;
  const files = fileShapes(group.flatMap((r) => r.filePaths));
  const operations = new Set(group.map((r) => r.operation));
  const operation = operations.size === 1 ? group[0]!.operation : opShape;
  const varying = parameters.map((p) => p.name);
  return {
    groupKey,
    operation,
    size: group.length,
    evidence: group.slice(0, 50).map((r) => r.id),
    confidence: Math.round(confidence * 1000) / 1000,
    parts,
    spec: {
      name: humanise(operation).slice(0, 200) || operation.slice(0, 200),
      operation: operation.slice(0, 200),
      description: `Seen ${group.length} times as ad-hoc work${operations.size > 1 ? `, under ${operations.size} operation names that differ by an id` : ""}${varying.length ? `, varying ${varying.join(", ")}` : ""}.`,
      parameters,
      invariants,
      ...(files.length ? { files } : {}),
      examples: group.slice(0, 5).map((r) => r.id),
      successRate: Math.round(parts.success * 10_000) / 10_000,
      medianDurationMs: median(group.map((r) => r.durationMs)),
    },
  };
}

/** Ad-hoc runs → candidates: by family, then by cluster of input key sets, each cluster described. */
export function detectExecutionPatterns(runs: readonly AdHocRun[], opts: { now: number; minSize: number }): ExecutionCandidate[] {
  const families = new Map<string, Map<string, AdHocRun[]>>();
  for (const r of runs) {
    const family = familyOf(r);
    const keySet = keySetOf(r);
    let byKeys = families.get(family);
    if (!byKeys) families.set(family, (byKeys = new Map()));
    const list = byKeys.get(keySet);
    if (list) list.push(r);
    else byKeys.set(keySet, [r]);
  }
  const out: ExecutionCandidate[] = [];
  for (const [family, byKeys] of families) {
    const cores = clusterKeySets(new Map([...byKeys].map(([k, list]) => [k, list.length])));
    const clusters = new Map<string, AdHocRun[]>();
    for (const [keySet, list] of byKeys) {
      const core = cores.get(keySet)!;
      clusters.set(core, [...(clusters.get(core) ?? []), ...list]);
    }
    for (const [core, list] of clusters) {
      const c = describeGroup(groupKeyOf(family, core), family, list, opts);
      if (c) out.push(c);
    }
  }
  return out.sort((a, b) => b.confidence - a.confidence || (a.groupKey < b.groupKey ? -1 : 1));
}

/** A rejected candidate comes back only when its group has at least doubled, and by at least 3 runs. */
export function grewMaterially(sizeAtDecision: number, sizeNow: number): boolean {
  return sizeNow >= Math.max(2 * sizeAtDecision, sizeAtDecision + 3);
}
