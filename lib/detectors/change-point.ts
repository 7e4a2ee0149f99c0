// A binomial likelihood-ratio change point over a pattern's daily run counts (AUTO-007): where, if
// anywhere, did its failure rate step up, and how strong is the evidence? Pure numbers in, numbers out.

export interface RunCounts {
  runs: number;
  failures: number;
}

/** x·ln(x/n) + (n−x)·ln((n−x)/n): the binomial log-likelihood at its own best rate (0·ln 0 = 0). */
function bestLogLik(failures: number, runs: number): number {
  if (runs <= 0) return 0;
  const ok = runs - failures;
  return (failures > 0 ? failures * Math.log(failures / runs) : 0) + (ok > 0 ? ok * Math.log(ok / runs) : 0);
}

export const rateOf = (c: RunCounts): number => (c.runs > 0 ? c.failures / c.runs : 0);

/**
 * 2·[ℓ(before) + ℓ(after) − ℓ(both pooled)]: the likelihood-ratio statistic of "the runs after fail at
 * a higher rate than the runs before" against "one rate for all". 0 when the after side does not fail
 * more often (one-sided), or when either side is empty. For one fixed split it is about χ²₁ under no
 * change; scanned over every split it is larger by chance, which is what the calibrated threshold is for.
 */
export function riseStatistic(before: RunCounts, after: RunCounts): number {
  if (before.runs <= 0 || after.runs <= 0 || rateOf(after) <= rateOf(before)) return 0;
  const pooled = bestLogLik(before.failures + after.failures, before.runs + after.runs);
  return Math.max(0, 2 * (bestLogLik(before.failures, before.runs) + bestLogLik(after.failures, after.runs) - pooled));
}

export interface ChangePoint {
  /** Index of the first day of the "after" segment. */
  index: number;
  statistic: number;
  before: RunCounts;
  after: RunCounts;
}

export interface ScanOptions {
  /** Splits that leave fewer runs than this before the change are not tried. */
  minBeforeRuns: number;
  /** ... or fewer than this after it. */
  minAfterRuns: number;
  /** The earliest day a change may start on (default 1): the days before it only ever count as "before". */
  firstSplit?: number;
}

/**
 * Every split of the day sequence into before (days < k) and after (days ≥ k) with enough runs on each
 * side, scored by riseStatistic; the best one, or null when no split has enough runs. Ties go to the
 * later split. O(days) through running totals.
 */
export function scanChangePoint(days: readonly RunCounts[], opts: ScanOptions): ChangePoint | null {
  let totalRuns = 0, totalFailures = 0;
  for (const d of days) {
    totalRuns += d.runs;
    totalFailures += d.failures;
  }
  let best: ChangePoint | null = null;
  let beforeRuns = 0, beforeFailures = 0;
  for (let k = 1; k < days.length; k++) {
    beforeRuns += days[k - 1]!.runs;
    beforeFailures += days[k - 1]!.failures;
    const after = { runs: totalRuns - beforeRuns, failures: totalFailures - beforeFailures };
    if (after.runs < opts.minAfterRuns) break; // only shrinks from here on
    if (k < (opts.firstSplit ?? 1) || beforeRuns < opts.minBeforeRuns || days[k]!.runs === 0) continue; // a change is dated to a day that ran
    const before = { runs: beforeRuns, failures: beforeFailures };
    const statistic = riseStatistic(before, after);
    if (!best || statistic >= best.statistic) best = { index: k, statistic, before, after };
  }
  return best;
}
