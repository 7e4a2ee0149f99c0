// AUTO-006 over the database: the active patterns' specs are read and indexed once, then reused until
// a cheap fingerprint (count and latest update of the active patterns) changes; learned fixes for the
// context's error come from getHealFixes and are ranked in the same list.
import type { DbHandle } from "../../db/client";
import { buildSuggestionIndex, suggestPatterns, type ScoreParts, type SuggestContext, type SuggestablePattern, type SuggestionIndex } from "../../detectors/suggest";
import { specFromYaml } from "../../schemas/pattern-spec";
import { getHealFixes } from "../heal/get-heal-fixes";

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
  successRate?: number;
  autoApply?: boolean;
  /** For a fix: the self_heal pattern made from it, if any. */
  healPatternId?: string;
}

interface CachedIndex {
  fingerprint: string;
  index: SuggestionIndex;
  patterns: number;
  skipped: number;
  builtMs: number;
}

// One cache per database handle (tests and the bench open several); a pending build is shared.
const cache = new WeakMap<DbHandle, Promise<CachedIndex>>();

const activeWhere = { status: "active", kind: { in: SUGGESTABLE_KINDS } };

async function fingerprintOf(db: DbHandle): Promise<string> {
  const agg = await db.prisma.pattern.aggregate({ where: activeWhere, _count: { _all: true }, _max: { updatedAt: true } });
  return `${agg._count._all}:${agg._max.updatedAt?.getTime() ?? 0}`;
}

async function buildIndex(db: DbHandle, fingerprint: string): Promise<CachedIndex> {
  const start = performance.now();
  const rows = await db.prisma.pattern.findMany({ where: activeWhere, select: { id: true, name: true, kind: true, spec: true }, orderBy: { id: "asc" } });
  const patterns: SuggestablePattern[] = [];
  let skipped = 0;
  for (const r of rows) {
    try {
      patterns.push({ id: r.id, name: r.name, kind: r.kind, spec: specFromYaml(r.spec) });
    } catch {
      skipped++; // a spec that does not parse cannot be matched; `patterns list` still shows the pattern
    }
  }
  const index = buildSuggestionIndex(patterns);
  return { fingerprint, index, patterns: patterns.length, skipped, builtMs: performance.now() - start };
}

/** The index for the database's current active patterns, rebuilt only when the fingerprint moved. */
export async function getSuggestionIndex(db: DbHandle): Promise<CachedIndex> {
  const fingerprint = await fingerprintOf(db);
  const current = cache.get(db);
  if (current) {
    const done = await current.catch(() => null);
    if (done?.fingerprint === fingerprint) return done;
    if (cache.get(db) !== current) return getSuggestionIndex(db); // another call already started a rebuild
  }
  const pending = buildIndex(db, fingerprint);
  cache.set(db, pending);
  pending.catch(() => cache.delete(db));
  return pending;
}

export async function getSuggestions(db: DbHandle, context: SuggestContext, opts: { limit?: number } = {}): Promise<Suggestion[]> {
  const limit = opts.limit ?? 10;
  const error = context.error?.trim();
  const [{ index }, fixes] = await Promise.all([getSuggestionIndex(db), error ? getHealFixes(db, error) : Promise.resolve([])]);
  const patterns: Suggestion[] = suggestPatterns(index, context, { limit }).map((s) => ({
    patternId: s.patternId,
    name: s.name,
    kind: s.kind,
    score: s.score,
    reason: s.reason,
    parts: s.parts,
  }));
  const fixSuggestions: Suggestion[] = fixes.map((f) => ({
    fix: f.fix,
    kind: "fix",
    // The fix's score is the lower bound of its success rate's 95 % interval: comparable with a pattern's.
    score: Math.round(f.score * 1e4) / 1e4,
    reason: `learned fix for this error: ${f.reason}`,
    successRate: f.successRate,
    autoApply: f.autoApply,
    // Not `patternId`: a row carries `patternId` or `fix`, never both (DESIGN.md `suggest` listing).
    ...(f.patternId ? { healPatternId: f.patternId } : {}),
  }));
  const key = (s: Suggestion) => s.patternId ?? `fix:${s.fix}`;
  return [...patterns, ...fixSuggestions]
    .sort((a, b) => b.score - a.score || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
    .slice(0, limit);
}
