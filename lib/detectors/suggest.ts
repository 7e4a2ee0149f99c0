// AUTO-006 pattern suggester, pure half: an index over the active patterns' specs, built once, and a
// ranking that only scores the patterns the index says could match (never every pattern per query).
import type { PatternSpec } from "../schemas/pattern-spec";

export interface SuggestablePattern {
  id: string;
  name: string;
  kind: string;
  spec: PatternSpec;
  /** Set when the spec was made from the pattern's runs (no spec written): how many runs. */
  runs?: number;
}

export interface SuggestContext {
  operation: string;
  inputs?: Record<string, unknown>;
  files?: string[];
  error?: string;
}

/** The parts the score is the sum of (each already weighted), so callers and tests can see why. */
export interface ScoreParts {
  operation: number;
  inputs: number;
  conflicts: number;
  files: number;
  successRate: number;
}

export interface PatternSuggestion {
  patternId: string;
  name: string;
  kind: string;
  score: number;
  reason: string;
  parts: ScoreParts;
  /** Set for a pattern described by its runs: how many. */
  runs?: number;
}

/** Weights of the score's parts; they sum to 1, so a score is in [0, 1] before clamping. */
export const WEIGHTS = {
  exactOperation: 0.6,
  /** Scaled by the Jaccard overlap of the operation tokens; kept below an exact match. */
  partialOperation: 0.36,
  inputKeys: 0.15,
  inputValues: 0.05,
  files: 0.15,
  successRate: 0.05,
  /** Subtracted per invariant whose given value differs, at most `maxConflicts` times. */
  conflict: 0.15,
  maxConflicts: 2,
} as const;

/**
 * A posting list longer than this share of the patterns is too common to narrow the search (an input
 * key like `env` that every pattern has); such keys and path segments still score, they just do not
 * bring candidates in on their own. Operation tokens always bring candidates in.
 */
const COMMON_SHARE = 0.05;
const MIN_COMMON = 50;

interface Entry {
  id: string;
  name: string;
  kind: string;
  operation: string;
  opTokens: Set<string>;
  /** Parameter names and invariant keys. */
  keys: Set<string>;
  invariants: Map<string, string>;
  observed: Map<string, Set<string>>;
  shapes: Array<{ shape: string; re: RegExp }>;
  successRate: number;
  runs?: number;
}

export interface SuggestionIndex {
  entries: Entry[];
  byOperation: Map<string, number[]>;
  byOpToken: Map<string, number[]>;
  byKey: Map<string, number[]>;
  byPathSegment: Map<string, number[]>;
  commonLimit: number;
}

/** Splits an operation name on `_ - . / : space` and camelCase boundaries, lower-cased, unique. */
export function operationTokens(operation: string): string[] {
  const spaced = operation
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase();
  return [...new Set(spaced.split(/[^a-z0-9]+/).filter(Boolean))];
}

/** A comparable text for an input value: primitives by their string form, the rest as JSON. */
export function valueKey(value: unknown): string {
  if (value === null || typeof value !== "object") return String(value);
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `src/{{name}}/index.ts` → a regex where each `{{var}}` is one or more characters of one segment. */
export function shapeRegex(shape: string): RegExp {
  const body = shape
    .split(/\{\{[^}]*\}\}/)
    .map(escapeRe)
    .join("[^/]+");
  return new RegExp(`^(?:.*/)?${body.replace(/^\\\.\//, "")}$`);
}

function literalSegments(shape: string): string[] {
  return shape.split("/").filter((s) => s && !s.includes("{{"));
}

function push(map: Map<string, number[]>, key: string, i: number) {
  const list = map.get(key);
  if (!list) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

export function buildSuggestionIndex(patterns: readonly SuggestablePattern[]): SuggestionIndex {
  const index: SuggestionIndex = {
    entries: [],
    byOperation: new Map(),
    byOpToken: new Map(),
    byKey: new Map(),
    byPathSegment: new Map(),
    commonLimit: Math.max(MIN_COMMON, Math.ceil(patterns.length * COMMON_SHARE)),
  };
  for (const p of patterns) {
    const i = index.entries.length;
    const { spec } = p;
    const entry: Entry = {
      id: p.id,
      name: p.name,
      kind: p.kind,
      operation: spec.operation,
      opTokens: new Set(operationTokens(spec.operation)),
      keys: new Set([...spec.parameters.map((q) => q.name), ...Object.keys(spec.invariants)]),
      invariants: new Map(Object.entries(spec.invariants).map(([k, v]) => [k, valueKey(v)])),
      observed: new Map(spec.parameters.map((q) => [q.name, new Set(q.observed)])),
      shapes: (spec.files ?? []).map((shape) => ({ shape, re: shapeRegex(shape) })),
      successRate: spec.successRate,
      runs: p.runs,
    };
    index.entries.push(entry);
    push(index.byOperation, spec.operation, i);
    for (const t of entry.opTokens) push(index.byOpToken, t, i);
    for (const k of entry.keys) push(index.byKey, k, i);
    for (const s of entry.shapes) for (const seg of literalSegments(s.shape)) push(index.byPathSegment, seg, i);
  }
  return index;
}

function candidates(index: SuggestionIndex, ctx: SuggestContext, opTokens: string[]): Set<number> {
  const found = new Set<number>();
  const add = (list: number[] | undefined, always: boolean) => {
    if (list && (always || list.length <= index.commonLimit)) for (const i of list) found.add(i);
  };
  add(index.byOperation.get(ctx.operation), true);
  for (const t of opTokens) add(index.byOpToken.get(t), true);
  for (const k of Object.keys(ctx.inputs ?? {})) add(index.byKey.get(k), false);
  for (const path of ctx.files ?? []) for (const seg of new Set(path.split("/"))) if (seg) add(index.byPathSegment.get(seg), false);
  return found;
}

const pct = (r: number) => `${Math.round(r * 100)}%`;
const round = (x: number) => Math.round(x * 1e4) / 1e4;
const clip = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function roundParts(p: ScoreParts): ScoreParts {
  return { operation: round(p.operation), inputs: round(p.inputs), conflicts: round(p.conflicts), files: round(p.files), successRate: round(p.successRate) };
}

/** Scores one pattern; builds the reason text only when `explain` (the top few), which is the costly part. */
function scoreEntry(e: Entry, ctx: SuggestContext, opTokens: string[], explain: boolean): PatternSuggestion | null {
  const why: string[] = [];
  const parts: ScoreParts = { operation: 0, inputs: 0, conflicts: 0, files: 0, successRate: 0 };

  if (e.operation === ctx.operation) {
    parts.operation = WEIGHTS.exactOperation;
    if (explain) why.push(`same operation "${clip(e.operation)}"`);
  } else if (opTokens.length && e.opTokens.size) {
    const shared = opTokens.filter((t) => e.opTokens.has(t));
    if (shared.length) {
      const jaccard = shared.length / (opTokens.length + e.opTokens.size - shared.length);
      parts.operation = WEIGHTS.partialOperation * jaccard;
      if (explain) why.push(`operation "${clip(e.operation)}" shares ${shared.map((t) => `"${t}"`).join(", ")}`);
    }
  }

  const inputs = ctx.inputs ?? {};
  const matched: string[] = [];
  const agreed: string[] = [];
  const conflicts: string[] = [];
  for (const key of e.keys) {
    if (!Object.hasOwn(inputs, key)) continue;
    matched.push(key);
    const given = valueKey(inputs[key]);
    const invariant = e.invariants.get(key);
    if (invariant !== undefined) {
      if (invariant === given) agreed.push(explain ? `${key}=${clip(given, 24)}` : key);
      else conflicts.push(explain ? `${key} is ${clip(given, 24)}, the pattern always uses ${clip(invariant, 24)}` : key);
    } else if (e.observed.get(key)?.has(given)) agreed.push(explain ? `${key}=${clip(given, 24)}` : key);
  }
  if (matched.length) {
    parts.inputs = WEIGHTS.inputKeys * (matched.length / e.keys.size) + WEIGHTS.inputValues * (agreed.length / matched.length);
    if (explain) why.push(`inputs ${matched.length}/${e.keys.size} of its parameters (${matched.slice(0, 6).join(", ")}${matched.length > 6 ? ", …" : ""})`);
    if (explain && agreed.length) why.push(`seen values ${agreed.slice(0, 4).join(", ")}${agreed.length > 4 ? ", …" : ""}`);
  }
  if (conflicts.length) {
    parts.conflicts = -WEIGHTS.conflict * Math.min(conflicts.length, WEIGHTS.maxConflicts);
    if (explain) why.push(`conflicts: ${conflicts.slice(0, 3).join("; ")}`);
  }

  const files = ctx.files ?? [];
  if (files.length && e.shapes.length) {
    const hits = e.shapes.filter((s) => files.some((f) => s.re.test(f)));
    if (hits.length) {
      parts.files = WEIGHTS.files * (hits.length / e.shapes.length);
      if (explain) why.push(`files match ${hits.slice(0, 3).map((s) => s.shape).join(", ")}${hits.length > 3 ? ", …" : ""}`);
    }
  }

  // Only real evidence brings a pattern in: keys whose values all conflict are not a match.
  if (parts.operation === 0 && parts.files === 0 && parts.inputs + parts.conflicts <= 0) return null;
  parts.successRate = WEIGHTS.successRate * e.successRate;
  if (explain) why.push(e.runs === undefined ? `success rate ${pct(e.successRate)}` : `described by its ${e.runs} run${e.runs === 1 ? "" : "s"}, ${pct(e.successRate)} successful`);
  const score = round(Math.min(1, Math.max(0, parts.operation + parts.inputs + parts.conflicts + parts.files + parts.successRate)));
  if (score <= 0) return null;
  return { patternId: e.id, name: e.name, kind: e.kind, score, reason: explain ? why.join("; ") : "", parts: roundParts(parts), ...(e.runs === undefined ? {} : { runs: e.runs }) };
}

/** The patterns that match the context, best first; ties broken by id so the order is stable. */
export function suggestPatterns(index: SuggestionIndex, ctx: SuggestContext, opts: { limit?: number } = {}): PatternSuggestion[] {
  const limit = opts.limit ?? 10;
  if (limit <= 0) return [];
  const opTokens = operationTokens(ctx.operation);
  const scored: Array<{ i: number; score: number; id: string }> = [];
  for (const i of candidates(index, ctx, opTokens)) {
    const s = scoreEntry(index.entries[i]!, ctx, opTokens, false);
    if (s) scored.push({ i, score: s.score, id: s.patternId });
  }
  scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return scored.slice(0, limit).map(({ i }) => scoreEntry(index.entries[i]!, ctx, opTokens, true)!);
}
