// AUTO-006 over the database: the active patterns' specs are read and indexed once, then reused until
// a cheap fingerprint (count and latest update of the active patterns) changes; patterns registered
// from telemetry, which have no spec, are described by their runs. Learned fixes for the context's
// error come from getHealFixes and are ranked in the same list.
import type { DbHandle } from "../../db/client";
import { buildSuggestionIndex, suggestPatterns, type ScoreParts, type SuggestContext, type SuggestablePattern, type SuggestionIndex } from "../../detectors/suggest";
import { specFromYaml, type PatternSpec } from "../../schemas/pattern-spec";
import { specFromRuns } from "../../detectors/describe-by-runs";
import { getHealFixes } from "../heal/get-heal-fixes";
import { getRunRecords } from "./get-run-records";

export const SUGGESTABLE_KINDS = ["execution", "file_template"];

export interface Suggestion {
  /** Set for a pattern suggestion. */
  patternId?: string;
  /** Set for a learned fix of the context's error. */
  fix?: string;
  name?: string;
  kind: string;
  score: number;
  reason: string;
  parts?: ScoreParts;
  /** For a pattern described by its runs (registered from telemetry, no spec): how many runs. */
  runs?: number;
  successRate?: number;
  autoApply?: boolean;
  /** For a fix: how near its learned signature is to the error (see getHealFixes). */
  match?: "exact" | "fits" | "similar";
  similarity?: number;
  /** For a fix: the self_heal pattern made from it, if any. */
  healPatternId?: string;
}

export interface CachedIndex {
  fingerprint: string;
  index: SuggestionIndex;
  patterns: number;
  skipped: number;
  builtMs: number;
}

interface CacheState {
  built?: CachedIndex;
  /** The build in flight, shared by the calls that need it. */
  building?: Promise<CachedIndex>;
  checkedAt: number;
  /** Parsed specs by id and updatedAt, so a rebuild re-parses only the patterns that changed. */
  specs: Map<string, { updatedAt: number; spec: PatternSpec | null }>;
}

/**
 * How long an index is trusted before the fingerprint is read again. Reading it costs a few ms on
 * 10,000 patterns (about a query's whole budget), so at most one call per second pays for it.
 */
export const MAX_STALE_MS = 1000;

/** Patterns described by their runs follow new runs: the index is rebuilt at least this often. */
export const RUN_DESCRIPTION_MAX_AGE_MS = 5 * 60_000;

// One cache per database handle (tests and the bench open several).
const cache = new WeakMap<DbHandle, CacheState>();

const activeWhere = { status: "active", kind: { in: SUGGESTABLE_KINDS } };

async function fingerprintOf(db: DbHandle): Promise<string> {
  const agg = await db.prisma.pattern.aggregate({ where: activeWhere, _count: { _all: true }, _max: { updatedAt: true } });
  return `${agg._count._all}:${agg._max.updatedAt?.getTime() ?? 0}:${Math.floor(Date.now() / RUN_DESCRIPTION_MAX_AGE_MS)}`;
}

async function buildIndex(db: DbHandle, state: CacheState, fingerprint: string): Promise<CachedIndex> {
  const start = performance.now();
  const rows = await db.prisma.pattern.findMany({ where: activeWhere, select: { id: true, name: true, kind: true, spec: true, updatedAt: true }, orderBy: { id: "asc" } });
  const patterns: SuggestablePattern[] = [];
  const specs: CacheState["specs"] = new Map();
  let skipped = 0;
  const unwritten = rows.filter((r) => r.spec.trim() === "");
  const records = await getRunRecords(db, unwritten.map((r) => r.id));
  for (const r of unwritten) {
    const record = records.get(r.id)!;
    const spec = specFromRuns(r.name, record);
    // a pattern with neither spec nor runs has nothing to be matched by
    if (spec) patterns.push({ id: r.id, name: r.name, kind: r.kind, spec, runs: record.operations.reduce((n, o) => n + o.runs, 0) });
  }
  for (const r of rows) {
    if (r.spec.trim() === "") continue;
    const updatedAt = r.updatedAt.getTime();
    const known = state.specs.get(r.id);
    let spec = known?.updatedAt === updatedAt ? known.spec : undefined;
    if (spec === undefined) {
      try {
        spec = specFromYaml(r.spec);
      } catch {
        spec = null; // a spec that does not parse cannot be matched; `patterns list` still shows the pattern
      }
    }
    specs.set(r.id, { updatedAt, spec });
    if (spec) patterns.push({ id: r.id, name: r.name, kind: r.kind, spec });
    else skipped++;
  }
  state.specs = specs;
  return { fingerprint, index: buildSuggestionIndex(patterns), patterns: patterns.length, skipped, builtMs: performance.now() - start };
}

function rebuild(db: DbHandle, state: CacheState, fingerprint: string): Promise<CachedIndex> {
  state.building ??= buildIndex(db, state, fingerprint)
    .then((built) => (state.built = built))
    .finally(() => (state.building = undefined));
  return state.building;
}

/**
 * The index of the database's active patterns. Rebuilt when the fingerprint (count and latest update)
 * moved; checked at most every `maxStaleMs`. While one call rebuilds, the others use the previous index.
 */
export async function getSuggestionIndex(db: DbHandle, maxStaleMs = MAX_STALE_MS): Promise<CachedIndex> {
  let state = cache.get(db);
  if (!state) cache.set(db, (state = { checkedAt: 0, specs: new Map() }));
  if (!state.built) {
    if (!state.building) state.checkedAt = Date.now();
    return rebuild(db, state, state.building ? "" : await fingerprintOf(db));
  }
  if (state.building || Date.now() - state.checkedAt < maxStaleMs) return state.built;
  state.checkedAt = Date.now();
  const fingerprint = await fingerprintOf(db);
  return fingerprint === state.built.fingerprint ? state.built : rebuild(db, state, fingerprint);
}

export async function getSuggestions(db: DbHandle, context: SuggestContext, opts: { limit?: number; maxStaleMs?: number } = {}): Promise<Suggestion[]> {
  const limit = opts.limit ?? 10;
  const error = context.error?.trim();
  const [{ index }, fixes] = await Promise.all([getSuggestionIndex(db, opts.maxStaleMs), error ? getHealFixes(db, error) : Promise.resolve([])]);
  const patterns: Suggestion[] = suggestPatterns(index, context, { limit }).map((s) => ({
    patternId: s.patternId,
    name: s.name,
    kind: s.kind,
    score: s.score,
    reason: s.reason,
    parts: s.parts,
    ...(s.runs === undefined ? {} : { runs: s.runs }),
  }));
  const fixSuggestions: Suggestion[] = fixes.map((f) => ({
    fix: f.fix,
    kind: "fix",
    // The fix's score is the lower bound of its success rate's 95 % interval (comparable with a
    // pattern's), scaled by how near its signature is to the error.
    score: Math.round(f.score * f.similarity * 1e4) / 1e4,
    reason: `learned fix for ${f.match === "exact" ? "this error" : "a near error"}: ${f.reason}`,
    successRate: f.successRate,
    autoApply: f.autoApply,
    match: f.match,
    similarity: f.similarity,
    // Not `patternId`: a row carries `patternId` or `fix`, never both (DESIGN.md `suggest` listing).
    ...(f.patternId ? { healPatternId: f.patternId } : {}),
  }));
  const key = (s: Suggestion) => s.patternId ?? `fix:${s.fix}`;
  return [...patterns, ...fixSuggestions]
    .sort((a, b) => b.score - a.score || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
    .slice(0, limit);
}
