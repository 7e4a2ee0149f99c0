// Outage detection for AUTO-005: when most patterns run from one source fail at once, the source is
// down, not the patterns, so those failures must not count toward quarantining any one of them.
import type { OutageWindow } from "./types";

/** The least a run must say for outage detection. */
export interface RunSample {
  patternId: string | null;
  source: string | null;
  startedAt: number;
  success: boolean;
}

/** Fixed, epoch-aligned time buckets per source. */
export const OUTAGE_BUCKET_MS = 30 * 60_000;
/** At least this many distinct patterns must have run from the source in the bucket... */
export const OUTAGE_MIN_PATTERNS = 3;
/** ...and at least this share of them failed every run they made there... */
export const OUTAGE_MIN_FAILING_SHARE = 0.8;
/** ...and that would happen by the failing patterns' usual failure rates with at most this chance. */
export const OUTAGE_MAX_CHANCE = 0.001;
/** A pattern's usual failure rate: its runs (any source) in the 7 days before the bucket. */
export const OUTAGE_BASELINE_MS = 7 * 24 * 3_600_000;

export interface OutageOptions {
  bucketMs?: number;
  minPatterns?: number;
  failingShare?: number;
  maxChance?: number;
  /** A pattern's usual failure rate before `at`; by default (failures + 1) / (runs + 2) over its runs in the 7 days before. */
  baseline?: (patternId: string, at: number) => number | undefined;
}

export interface Tally {
  runs: number;
  failures: number;
}

/** What ran from one source (`null`: runs that name none) in one bucket, per pattern. */
export interface OutageCell {
  source: string | null;
  /** Bucket number: the bucket covers [bucket × bucketMs, (bucket + 1) × bucketMs). */
  bucket: number;
  patterns: Map<string, Tally>;
}

export interface CellJudgement extends OutageCell {
  outage: boolean;
}

export interface JudgeOptions extends OutageOptions {
  /** Only the cells this accepts are judged (default: all); the other runs are there for baselines. */
  judge?: (source: string | null, bucket: number) => boolean;
  /** Outage cells found by an earlier judgement and not judged again: their runs stay out of baselines. */
  known?: readonly OutageCell[];
}

/** A cell's per-pattern tallies as stored: { patternId: [runs, failures] }. */
export function talliesToJson(patterns: ReadonlyMap<string, Tally>): string {
  return JSON.stringify(Object.fromEntries([...patterns].map(([p, t]) => [p, [t.runs, t.failures]])));
}

/** The stored tallies read back; an unreadable text gives none (the cell keeps its counts, loses its detail). */
export function talliesFromJson(json: string): Map<string, Tally> {
  const out = new Map<string, Tally>();
  try {
    for (const [p, [runs, failures]] of Object.entries(JSON.parse(json) as Record<string, [number, number]>)) out.set(p, { runs, failures });
  } catch {
    return new Map();
  }
  return out;
}

/** The key of a cell, unique per (source, bucket): "<bucket>=<source>", or "<bucket>-" for runs without one. */
export function cellKey(source: string | null, bucket: number): string {
  return source === null ? `${bucket}-` : `${bucket}=${source}`;
}

/**
 * Per source (runs without one form their own group, `null`) and per 30-minute bucket: the distinct
 * patterns that ran there, and those whose every run there failed. A bucket is an outage when ≥ 3
 * patterns ran, ≥ 80 % of them failed everything, and that is improbable for those patterns: the
 * product of baseline^runs over the failing ones is ≤ 0.001, the baseline being each pattern's failure
 * rate over the 7 days before the bucket, leaving out runs in outage buckets already found (so a long
 * outage does not raise its own baseline). Three flaky patterns, or patterns that broke days ago,
 * failing together are not an outage; healthy ones failing together are. Adjacent outage buckets of
 * one source merge into one window. Ad-hoc runs (no pattern) do not count. Known limit: a short
 * outage that straddles a bucket edge with fewer than 3 patterns on each side is missed.
 */
export function detectOutages(runs: readonly RunSample[], opts: OutageOptions = {}): OutageWindow[] {
  const bucketMs = opts.bucketMs ?? OUTAGE_BUCKET_MS;
  const cells = judgeOutageCells(runs, opts).filter((c) => c.outage);
  return refineEdges(mergeOutageCells(cells, bucketMs), runs, bucketMs).sort((a, b) => a.start - b.start || String(a.source).localeCompare(String(b.source)));
}

/**
 * The judgement behind detectOutages, cell by cell, oldest first, so it can be made incrementally: judge
 * only the cells new runs fell in (`judge`), from runs that reach 7 days further back, with the outage
 * cells found earlier (`known`) kept out of the baselines.
 */
export function judgeOutageCells(runs: readonly RunSample[], opts: JudgeOptions = {}): CellJudgement[] {
  const bucketMs = opts.bucketMs ?? OUTAGE_BUCKET_MS;
  const history = patternHistory(runs);
  const cells = new Map<string, OutageCell>();
  for (const r of runs) {
    if (r.patternId === null || !Number.isFinite(r.startedAt)) continue;
    const bucket = Math.floor(r.startedAt / bucketMs);
    if (opts.judge && !opts.judge(r.source, bucket)) continue;
    const key = cellKey(r.source, bucket);
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { source: r.source, bucket, patterns: new Map() }));
    const t = cell.patterns.get(r.patternId) ?? { runs: 0, failures: 0 };
    cell.patterns.set(r.patternId, { runs: t.runs + 1, failures: t.failures + (r.success ? 0 : 1) });
  }
  return judgeCells([...cells.values()], {
    ...opts,
    history: (p, from, to) => {
      const h = history.get(p);
      if (!h) return { runs: 0, failures: 0 };
      const a = lowerBound(h.times, from);
      const b = lowerBound(h.times, to);
      return { runs: b - a, failures: h.failuresBefore[b]! - h.failuresBefore[a]! };
    },
  });
}

/**
 * The judgement itself, over cells already tallied: oldest first, each from its patterns' runs (any
 * source) in the 7 days before it as `history` gives them, less their runs in outage cells found before
 * (`known`, and those judged here). What the analysis run calls with tallies and histories counted by the
 * database; judgeOutageCells calls it with both counted from runs.
 */
export function judgeCells(
  cells: readonly OutageCell[],
  opts: OutageOptions & { known?: readonly OutageCell[]; history: (patternId: string, from: number, to: number) => Tally },
): CellJudgement[] {
  const bucketMs = opts.bucketMs ?? OUTAGE_BUCKET_MS;
  const minPatterns = opts.minPatterns ?? OUTAGE_MIN_PATTERNS;
  const share = opts.failingShare ?? OUTAGE_MIN_FAILING_SHARE;
  const maxChance = opts.maxChance ?? OUTAGE_MAX_CHANCE;
  const inOutages = new Map<string, Array<Tally & { at: number }>>(); // per pattern, its runs in outage buckets found so far
  const remember = (c: OutageCell) => {
    for (const [p, t] of c.patterns) {
      if (!inOutages.has(p)) inOutages.set(p, []);
      inOutages.get(p)!.push({ ...t, at: c.bucket * bucketMs });
    }
  };
  for (const c of opts.known ?? []) remember(c);
  const baseline = (p: string, at: number): number => {
    const given = opts.baseline?.(p, at);
    if (given !== undefined) return given;
    let { runs: n, failures: f } = opts.history(p, at - OUTAGE_BASELINE_MS, at);
    for (const o of inOutages.get(p) ?? []) {
      if (o.at < at - OUTAGE_BASELINE_MS || o.at >= at) continue;
      n -= o.runs;
      f -= o.failures;
    }
    return (Math.max(f, 0) + 1) / (Math.max(n, 0) + 2); // ≥ 0: a stored cell's runs may since have been deleted
  };
  const isOutage = (patterns: Map<string, Tally>, at: number): boolean => {
    if (patterns.size < minPatterns) return false;
    let failing = 0;
    let chance = 1;
    for (const [p, t] of patterns) {
      if (t.failures < t.runs) continue;
      failing++;
      chance *= Math.pow(baseline(p, at), t.runs);
    }
    return failing >= share * patterns.size - 1e-9 && chance <= maxChance * (1 + 1e-9);
  };
  const ordered = [...cells].sort((a, b) => a.bucket - b.bucket || String(a.source).localeCompare(String(b.source)));
  return ordered.map((c) => {
    const outage = isOutage(c.patterns, c.bucket * bucketMs);
    if (outage) remember(c);
    return { ...c, outage };
  });
}

/** Whether a cell passes the count and share rule (≥ 3 patterns, ≥ 80 % failing every run): the part of the judgement that needs no baseline. */
export function couldBeOutage(patterns: ReadonlyMap<string, Tally>, opts: OutageOptions = {}): boolean {
  const minPatterns = opts.minPatterns ?? OUTAGE_MIN_PATTERNS;
  const share = opts.failingShare ?? OUTAGE_MIN_FAILING_SHARE;
  if (patterns.size < minPatterns) return false;
  let failing = 0;
  for (const t of patterns.values()) if (t.failures >= t.runs) failing++;
  return failing >= share * patterns.size - 1e-9;
}

/** Outage cells → windows: adjacent buckets of one source merge, each pattern counted over the whole window. */
export function mergeOutageCells(cells: readonly OutageCell[], bucketMs = OUTAGE_BUCKET_MS): OutageWindow[] {
  const bySource = new Map<string | null, OutageCell[]>();
  for (const c of cells) {
    if (bySource.has(c.source)) bySource.get(c.source)!.push(c);
    else bySource.set(c.source, [c]);
  }
  const windows: OutageWindow[] = [];
  for (const [source, unsorted] of bySource) {
    const list = [...unsorted].sort((a, b) => a.bucket - b.bucket);
    for (let i = 0; i < list.length; ) {
      let j = i;
      while (j + 1 < list.length && list[j + 1]!.bucket === list[j]!.bucket + 1) j++;
      const merged = new Map<string, Tally>();
      for (let k = i; k <= j; k++) {
        for (const [p, t] of list[k]!.patterns) {
          const m = merged.get(p) ?? { runs: 0, failures: 0 };
          merged.set(p, { runs: m.runs + t.runs, failures: m.failures + t.failures });
        }
      }
      windows.push({
        source,
        start: list[i]!.bucket * bucketMs,
        end: (list[j]!.bucket + 1) * bucketMs,
        patternsFailing: [...merged.values()].filter((t) => t.failures === t.runs).length,
        patternsActive: merged.size,
      });
      i = j + 1;
    }
  }
  return windows.sort((a, b) => a.start - b.start || String(a.source).localeCompare(String(b.source)));
}

/**
 * Buckets are coarse: an outage that ends at 09:19 leaves its last bucket (09:00–09:30) looking mixed.
 * Each window grows, by at most one bucket each way, over the source's failed runs next to it, up to
 * its last success before and first success after (any run of that source, ad-hoc included), so the
 * failures at the edges count as the outage's too. Windows of one source that then meet are merged.
 */
export function refineEdges(windows: readonly OutageWindow[], runs: readonly RunSample[], bucketMs = OUTAGE_BUCKET_MS): OutageWindow[] {
  const out: OutageWindow[] = [];
  const bySource = new Map<string | null, RunSample[]>();
  for (const r of runs) {
    const list = bySource.get(r.source);
    if (list) list.push(r);
    else bySource.set(r.source, [r]);
  }
  for (const w of windows) {
    const own = (bySource.get(w.source) ?? []).filter((r) => r.startedAt >= w.start - bucketMs && r.startedAt < w.end + bucketMs);
    const lastSuccess = Math.max(w.start - bucketMs - 1, ...own.filter((r) => r.success && r.startedAt < w.start).map((r) => r.startedAt));
    const firstSuccess = Math.min(w.end + bucketMs, ...own.filter((r) => r.success && r.startedAt >= w.end).map((r) => r.startedAt));
    const failed = own.filter((r) => !r.success);
    const start = Math.min(w.start, ...failed.filter((r) => r.startedAt > lastSuccess).map((r) => r.startedAt));
    const end = Math.max(w.end, ...failed.filter((r) => r.startedAt < firstSuccess).map((r) => r.startedAt + 1));
    const previous = out.findLast((o) => o.source === w.source);
    if (previous && previous.end >= start) {
      Object.assign(previous, {
        end: Math.max(previous.end, end),
        patternsFailing: Math.max(previous.patternsFailing, w.patternsFailing),
        patternsActive: Math.max(previous.patternsActive, w.patternsActive),
      });
    } else out.push({ ...w, start, end });
  }
  return out;
}

/** Per pattern: run times in order, and failuresBefore[i] = failures among the first i runs. */
function patternHistory(runs: readonly RunSample[]): Map<string, { times: number[]; failuresBefore: number[] }> {
  const byPattern = new Map<string, RunSample[]>();
  for (const r of runs) {
    if (r.patternId === null || !Number.isFinite(r.startedAt)) continue;
    const list = byPattern.get(r.patternId);
    if (list) list.push(r);
    else byPattern.set(r.patternId, [r]);
  }
  const out = new Map<string, { times: number[]; failuresBefore: number[] }>();
  for (const [p, rs] of byPattern) {
    rs.sort((a, b) => a.startedAt - b.startedAt);
    const failuresBefore = [0];
    for (const r of rs) failuresBefore.push(failuresBefore.at(-1)! + (r.success ? 0 : 1));
    out.set(p, { times: rs.map((r) => r.startedAt), failuresBefore });
  }
  return out;
}

/** Index of the first element ≥ x in a sorted array. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const bySource = new WeakMap<readonly OutageWindow[], Map<string | null, OutageWindow[]>>();

/** Whether a run fell inside an outage of its own source. (Large lists are indexed by source once, on first use.) */
export function duringOutage(run: { source: string | null; startedAt: number }, outages: readonly OutageWindow[]): boolean {
  let list: readonly OutageWindow[] | undefined = outages;
  if (outages.length >= 8) {
    let index = bySource.get(outages);
    if (!index) {
      index = new Map();
      for (const w of outages) index.set(w.source, [...(index.get(w.source) ?? []), w]);
      bySource.set(outages, index);
    }
    list = index.get(run.source);
    if (!list) return false;
  }
  for (const w of list) if (w.source === run.source && run.startedAt >= w.start && run.startedAt < w.end) return true;
  return false;
}
