// AUTO-005 anti-pattern detector: error signatures that keep failing, and patterns whose recent runs
// justify quarantine — on enough evidence, outside outages, and only counting after a person lifted it.
import { duringOutage } from "./outages";
import { wilsonInterval } from "./stats";
import type { DailySuccess, DetectorSettings, ErrorTally, ExecutionFact, OutageWindow, PatternClassification, PatternHealth } from "./types";

const DAY = 86_400_000;
/** DESIGN.md "recurring failures (≥ 3)". */
export const RECURRING_MIN_OCCURRENCES = 3;
/** A pattern is judged on its runs of the last 30 days, at most the latest 50 of them. */
export const QUARANTINE_WINDOW_MS = 30 * DAY;
export const QUARANTINE_MAX_RUNS = 50;
/** Never quarantine on fewer considered runs than this. */
export const QUARANTINE_MIN_RUNS = 10;
/** The Wilson 95 % lower bound of the failure rate must reach this share of the setting (0.40 → 0.20). */
export const QUARANTINE_BOUND_SHARE = 0.5;
/** Broken: a trailing streak of at least 5 failures that the pattern's earlier rate makes this unlikely. */
export const BROKEN_MIN_STREAK = 5;
export const BROKEN_STREAK_P = 0.001;
const MAX_EVIDENCE = 10;

/** Failed runs per error signature. */
export function tallyErrors(runs: readonly ExecutionFact[]): ErrorTally[] {
  const byKey = new Map<string, ErrorTally & { patterns: Set<string> }>();
  for (const r of runs) {
    if (r.success || r.errorKey === null) continue;
    const t = byKey.get(r.errorKey) ?? { errorKey: r.errorKey, signature: r.errorSignature ?? "", occurrences: 0, firstAt: r.startedAt, lastAt: r.startedAt, patternIds: [], patterns: new Set<string>() };
    t.occurrences += 1;
    t.firstAt = Math.min(t.firstAt, r.startedAt);
    t.lastAt = Math.max(t.lastAt, r.startedAt);
    if (r.patternId !== null) t.patterns.add(r.patternId);
    byKey.set(r.errorKey, t);
  }
  return [...byKey.values()]
    .map(({ patterns, ...t }) => ({ ...t, patternIds: [...patterns].sort() }))
    .sort((a, b) => (a.errorKey < b.errorKey ? -1 : a.errorKey > b.errorKey ? 1 : 0));
}

/** Signatures that failed at least 3 times become anti-pattern entries: most frequent first. */
export function recurringErrors(tallies: readonly ErrorTally[], opts: { minOccurrences?: number } = {}): Array<ErrorTally & { reason: string }> {
  const min = opts.minOccurrences ?? RECURRING_MIN_OCCURRENCES;
  return tallies
    .filter((t) => t.occurrences >= min)
    .map((t) => ({
      ...t,
      patternIds: [...new Set(t.patternIds)].sort(),
      reason: `failed ${t.occurrences} times${t.patternIds.length ? ` across ${new Set(t.patternIds).size} pattern(s)` : ""} (≥ ${min})`,
    }))
    .sort((a, b) => b.occurrences - a.occurrences || (a.errorKey < b.errorKey ? -1 : a.errorKey > b.errorKey ? 1 : 0));
}

export interface AssessContext {
  now: number;
  /** After a person lifted a quarantine: only runs that started at or after this time count. */
  countFrom: number | null;
  outages: readonly OutageWindow[];
  /**
   * When `runs` holds only the latest of the window's eligible runs: the count and the failures of all of
   * them (in the window, after countFrom, outside outages), which the streak rule compares the streak with.
   */
  window?: { runs: number; failures: number };
}

/**
 * What assessPattern needs besides a pattern's latest eligible runs (oldest first; `complete` when they are
 * all there are) to give the verdict all the window's runs would: nothing, unless they end in a failure
 * streak long enough for the broken rule — then the window's totals (AssessContext.window), which it
 * compares the streak with; and when every run read failed, every run (the streak's length needs them).
 */
export function moreToRead(latest: readonly ExecutionFact[], complete: boolean): "nothing" | "window totals" | "every run" {
  if (complete) return "nothing";
  let streak = 0;
  while (streak < latest.length && !latest[latest.length - 1 - streak]!.success) streak++;
  if (streak === latest.length) return "every run";
  return streak >= BROKEN_MIN_STREAK ? "window totals" : "nothing";
}

/**
 * One pattern's health from its recent runs (any order). Considered runs: started in the last 30 days
 * (and not after `now`), at or after `countFrom`, outside outages of their own source; the latest 50.
 * - insufficient: fewer than 10 considered runs; never quarantined.
 * - broken: every run of the window failed, or a trailing streak of k ≥ 5 failures after a success where
 *   p^k ≤ 0.001, p being the Wilson 95 % upper bound of the failure rate before the streak (over the
 *   whole 30-day window, not only the latest 50 runs): a healthy
 *   pattern (1 failure in 45) is broken after 5 in a row, one failing half its runs needs about 17.
 *   Broken is quarantined.
 * - flaky: failure rate ≥ the setting and its Wilson lower bound ≥ half the setting; quarantined.
 * - healthy: otherwise.
 */
export function assessPattern(runs: readonly ExecutionFact[], ctx: AssessContext, settings: DetectorSettings): PatternHealth {
  const windowStart = Math.max(ctx.now - QUARANTINE_WINDOW_MS, ctx.countFrom ?? Number.NEGATIVE_INFINITY);
  const eligible = runs
    .filter((r) => r.startedAt >= windowStart && r.startedAt <= ctx.now && !duringOutage(r, ctx.outages))
    .sort((a, b) => a.startedAt - b.startedAt || a.seq - b.seq);
  const considered = eligible.slice(-QUARANTINE_MAX_RUNS);
  const n = considered.length;
  const failed = considered.filter((r) => !r.success);
  const failures = failed.length;
  const failureRate = n > 0 ? failures / n : 0;
  const interval = wilsonInterval(failures, n);
  const evidence = { windowStart, windowEnd: ctx.now, failedRunIds: failed.slice(-MAX_EVIDENCE).reverse().map((r) => r.id) };
  const summary = `${failures} of ${n} considered runs failed (${Math.round(failureRate * 1000) / 10} %, 95 % lower bound ${interval.low.toFixed(2)})`;
  const health = (classification: PatternClassification, quarantine: boolean, why: string): PatternHealth => ({
    considered: n, failures, failureRate, interval, classification, quarantine, reason: `${summary}; ${why}`, evidence,
  });

  if (n < QUARANTINE_MIN_RUNS) return health("insufficient", false, `fewer than ${QUARANTINE_MIN_RUNS} runs: not enough to judge`);
  // the streak and the rate before it are read from every eligible run of the 30 days, not only the
  // latest 50, so a long streak still has a record to be compared with (given as totals when only the
  // latest runs were read; a streak running through all of those is then counted as at least that long)
  const all = ctx.window?.runs ?? eligible.length;
  const failedAll = ctx.window?.failures ?? eligible.reduce((k, r) => k + (r.success ? 0 : 1), 0);
  let streak = 0;
  while (streak < eligible.length && !eligible[eligible.length - 1 - streak]!.success) streak++;
  if (failedAll >= all) return health("broken", true, "every run of the window failed");
  if (streak >= BROKEN_MIN_STREAK) {
    // the failure rate before the streak, taken at its Wilson upper bound: the point estimate is
    // noisy, and a flaky pattern that happened to do well before a streak must not look broken
    const failedBefore = Math.max(0, failedAll - streak);
    const p = wilsonInterval(failedBefore, Math.max(1, all - streak)).high;
    if (Math.pow(p, streak) <= BROKEN_STREAK_P) {
      return health("broken", true, `the last ${streak} runs all failed, unlikely at its earlier failure rate`);
    }
  }
  const bound = settings.autoQuarantineFailureRate * QUARANTINE_BOUND_SHARE;
  if (failureRate >= settings.autoQuarantineFailureRate - 1e-9 && interval.low >= bound - 1e-9) {
    return health("flaky", true, `failures interleaved with successes at ≥ ${settings.autoQuarantineFailureRate} (lower bound ≥ ${bound.toFixed(2)})`);
  }
  return health("healthy", false, `below the quarantine line (${settings.autoQuarantineFailureRate}, lower bound ≥ ${bound.toFixed(2)})`);
}

/**
 * Whether assessPattern could quarantine a pattern, told from its runs per UTC day (outage runs left out)
 * without reading the runs: false only when no order of the runs within their days, and no share of a
 * day's runs falling before the window or after `now`, lets any rule fire. An incremental run reads the
 * latest runs only of the patterns that could: in the benchmark's, 63 of the 1,987 it judged.
 * `days`: every day with runs from the window's first day on, from the daily metrics. A day partly outside
 * [windowStart, now], or starting before `completeFrom` (retention may have deleted some of its runs, which
 * the metrics still count), may hold fewer of the runs considered than it counts: only its failures are
 * used, as an upper bound. For a pattern judged with no lifted quarantine (countFrom null); the step reads
 * the runs of the others.
 * - too few: fewer than 10 runs on those days, so fewer than 10 considered.
 * - broken (a trailing streak, or every run failed): the streak starts after the last success, so it is at
 *   most the failures from the newest day back to the newest whole day with a success (all the failures
 *   when there is none); fewer than 5 cannot be broken.
 * - flaky: the latest 50 considered runs lie in the newest days that hold 50 runs wholly inside the window
 *   (or all of them), so at most those days' failures fail among at least min(50, runs wholly inside) ≥ 10.
 */
export function couldQuarantine(
  days: readonly DailySuccess[],
  ctx: { now: number; windowStart: number; completeFrom: number },
  settings: DetectorSettings,
): boolean {
  // each day's start parsed once: this runs for thousands of patterns in an incremental run
  const newestFirst = days
    .map((d) => ({ d, start: Date.parse(`${d.day}T00:00:00.000Z`) }))
    .filter(({ d, start }) => start + DAY > ctx.windowStart && start <= ctx.now && d.executions > 0)
    .sort((a, b) => b.start - a.start);
  const wholeFrom = Math.max(ctx.windowStart, ctx.completeFrom);
  const whole = (start: number) => start >= wholeFrom && start + DAY - 1 <= ctx.now;
  if (newestFirst.reduce((n, { d }) => n + d.executions, 0) < QUARANTINE_MIN_RUNS) return false;
  let streak = 0;
  for (const { d, start } of newestFirst) {
    streak += d.executions - d.successes;
    if (whole(start) && d.successes > 0) break;
  }
  if (streak >= BROKEN_MIN_STREAK) return true;
  let failures = 0;
  let wholeRuns = 0;
  for (const { d, start } of newestFirst) {
    if (wholeRuns >= QUARANTINE_MAX_RUNS) break;
    failures += d.executions - d.successes;
    if (whole(start)) wholeRuns += d.executions;
  }
  const fewestConsidered = Math.max(QUARANTINE_MIN_RUNS, Math.min(QUARANTINE_MAX_RUNS, wholeRuns));
  return failures / fewestConsidered >= settings.autoQuarantineFailureRate - 1e-9;
}
