// AUTO-007 evolution tracker: whether a pattern is getting worse, and since when — a likelihood-ratio
// change point over its daily runs (change-point.ts), a threshold calibrated by simulation, hysteresis.
import { rateOf, riseStatistic, scanChangePoint, type ChangePoint, type RunCounts } from "./change-point";
import type { DailySuccess, DegradationAssessment } from "./types";

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** UTC day (YYYY-MM-DD) → epoch ms at midnight UTC; RangeError for anything that is not a real date. */
export function dayStart(day: string): number {
  const m = DAY_RE.exec(day);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || new Date(t).toISOString().slice(0, 10) !== day) throw new RangeError(`not a day (YYYY-MM-DD): ${day}`);
  return t;
}

/** ISO-8601 week (YYYY-Www) of an instant, in UTC: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeekOf(time: number): string {
  const midnight = Math.floor(time / DAY) * DAY;
  const weekday = (new Date(midnight).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = midnight + (3 - weekday) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / WEEK);
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** Monday 00:00 UTC of an ISO week. */
export function weekStart(week: string): number {
  const m = WEEK_RE.exec(week);
  if (!m) throw new RangeError(`not an ISO week (YYYY-Www): ${week}`);
  const jan4 = Date.UTC(Number(m[1]), 0, 4); // always in week 1
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY + (Number(m[2]) - 1) * WEEK;
  if (isoWeekOf(monday) !== week) throw new RangeError(`no such ISO week: ${week}`);
  return monday;
}

export function addWeeks(week: string, n: number): string {
  return isoWeekOf(weekStart(week) + n * WEEK);
}

/** Runs → per-UTC-day totals, oldest first. */
export function dailyTotals(runs: ReadonlyArray<{ startedAt: number; success: boolean }>): DailySuccess[] {
  const byDay = new Map<string, DailySuccess>();
  for (const r of runs) {
    const day = new Date(Math.floor(r.startedAt / DAY) * DAY).toISOString().slice(0, 10);
    const d = byDay.get(day) ?? { day, executions: 0, successes: 0 };
    d.executions += 1;
    d.successes += r.success ? 1 : 0;
    byDay.set(day, d);
  }
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}

export interface DegradationOptions {
  /** Days read, today included (12 weeks): the runs before a change are counted over these. */
  lookbackDays?: number;
  /**
   * A change is looked for in the last 4 weeks only: the analysis runs every 6 hours, so a change is assessed
   * many times while it is that recent, and fewer candidate days mean a lower threshold for the same false
   * alarms. The days before only count as "before", so a caller may sum them onto the window's first day.
   */
  changeWithinDays?: number;
  /** A split needs this many runs before the change ... */
  minBeforeRuns?: number;
  /** ... and this many after it, of which at least `minAfterFailures` failed. */
  minAfterRuns?: number;
  minAfterFailures?: number;
  /** ... on at least this many different days: a burst within one day (an outage the outage detector missed, one bad hour) is not a trend. */
  minAfterFailingDays?: number;
  /** Raise: the failure rate rose by at least this much ... */
  gainRise?: number;
  /** ... and the best split's statistic reaches this; null: the calibrated threshold for the window's failures (gainThreshold). */
  gainStatistic?: number | null;
  /** The last days (or the days since the change, if fewer) must still be worse than before ... */
  recentDays?: number;
  /** ... at this statistic (one fixed comparison: χ²₁, one-sided p < 0.01) and by this much. A flag is kept on the same test. */
  keepStatistic?: number;
  keepRise?: number;
  /** Fewer recent runs than this and a raised flag stands: no evidence either way. */
  minRecentRuns?: number;
}

export const DEGRADATION_DEFAULTS: Required<DegradationOptions> = {
  lookbackDays: 84, changeWithinDays: 28, minBeforeRuns: 20, minAfterRuns: 8, minAfterFailures: 3, minAfterFailingDays: 2, gainRise: 0.1, gainStatistic: null,
  recentDays: 14, keepStatistic: 5.41, keepRise: 0.05, minRecentRuns: 5,
};

/**
 * [most failures in the window, smallest statistic that raises the flag], by failures. Calibrated by
 * `npm run bench:degradation -- --calibrate` (docs/failure-detectors.md says how): given the runs per day
 * and the number of failures F, a stable pattern's failures fall on runs drawn at random whatever its
 * rate, so for each band of F the value is the 99.9th percentile of the best split's statistic with F
 * failures placed at random, the highest over every runs-per-day layout tried, never lower than a band
 * with fewer failures. So at most 1 in 1,000 stable patterns is flagged, at any failure rate.
 */
export const GAIN_THRESHOLDS: ReadonlyArray<readonly [maxFailures: number, statistic: number]> = [
  [3, 13.8],
  [4, 14.3],
  [5, 14.9],
  [6, 14.9],
  [7, 14.9],
  [8, 14.9],
  [9, 15.1],
  [10, 15.2],
  [11, 15.2],
  [12, 15.4],
  [14, 15.9],
  [16, 15.9],
  [18, 15.9],
  [20, 15.9],
  [25, 16.1],
  [30, 16.1],
  [40, 16.1],
  [50, 16.1],
  [65, 16.1],
  [80, 16.1],
  [100, 16.1],
  [130, 16.1],
  [160, 16.1],
  [200, 16.1],
  [260, 16.1],
  [330, 16.1],
  [Number.POSITIVE_INFINITY, 16.1],
];

/** The calibrated raising threshold for a window that holds `failures` failed runs. */
export function gainThreshold(failures: number): number {
  return GAIN_THRESHOLDS.find(([max]) => failures <= max)![1];
}

/** What the analysis run keeps per pattern between evaluations. */
export interface DegradationState {
  degrading: boolean;
  /** The day (YYYY-MM-DD) the failure rate changed, as estimated when the flag was raised. */
  since?: string | null;
  /** The runs before that day when the flag was raised: what a flagged pattern is compared with until it recovers. */
  before?: RunCounts | null;
}

const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);
const pct = (c: RunCounts) => `${(Math.round(rateOf(c) * 1000) / 10).toString()} %`;

function sum(days: readonly RunCounts[], from: number): RunCounts {
  let runs = 0, failures = 0;
  for (let i = Math.max(0, from); i < days.length; i++) {
    runs += days[i]!.runs;
    failures += days[i]!.failures;
  }
  return { runs, failures };
}

const digits = (s: string, from: number, to: number) => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
};

/**
 * Days since 1970-01-01 of a YYYY-MM-DD day, by integer arithmetic (the days-from-civil algorithm):
 * run for every stored day of every pattern, where parsing dates cost more than the scan itself.
 */
export function dayNumber(day: string): number {
  const m = digits(day, 5, 7);
  const y = digits(day, 0, 4) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + digits(day, 8, 10) - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** The lookback window as one entry per calendar day, oldest first (a day without runs is zeros). */
function windowDays(daily: readonly DailySuccess[], today: string, lookback: number): { first: number; days: RunCounts[] } {
  const first = dayStart(today) - (lookback - 1) * DAY;
  const firstNumber = first / DAY;
  const days: RunCounts[] = [];
  for (let i = 0; i < lookback; i++) days.push({ runs: 0, failures: 0 });
  for (const d of daily) {
    const i = dayNumber(d.day) - firstNumber;
    if (!(i >= 0 && i < lookback) || d.executions <= 0) continue;
    days[i]!.runs += d.executions;
    days[i]!.failures += d.executions - d.successes;
  }
  return { first, days };
}

/** The recent runs still worse than `before`: at p < 0.01 (one comparison) and by the keeping margin. */
function worseNow(before: RunCounts, recent: RunCounts, o: Required<DegradationOptions>): boolean {
  return riseStatistic(before, recent) >= o.keepStatistic && rateOf(recent) - rateOf(before) >= o.keepRise - 1e-9;
}

/**
 * The window's best split if it passes every rule for raising the flag except the threshold on its
 * statistic (a rise of 10 points, 3 failures after on 2 days or more, the recent runs still worse); null otherwise. This is
 * what the threshold is calibrated on. `days` is the lookback window, one entry per day, oldest first.
 */
export function degradationCandidate(days: readonly RunCounts[], opts: DegradationOptions = {}): ChangePoint | null {
  const o = { ...DEGRADATION_DEFAULTS, ...opts };
  const firstSplit = Math.max(1, days.length - o.changeWithinDays);
  const cp = scanChangePoint(days, { minBeforeRuns: o.minBeforeRuns, minAfterRuns: o.minAfterRuns, firstSplit });
  if (!cp || cp.after.failures < o.minAfterFailures || rateOf(cp.after) - rateOf(cp.before) < o.gainRise - 1e-9) return null;
  if (days.slice(cp.index).filter((d) => d.failures > 0).length < o.minAfterFailingDays) return null;
  return worseNow(cp.before, sum(days, Math.max(cp.index, days.length - o.recentDays)), o) ? cp : null;
}

/**
 * Is the pattern failing more often than it used to, and since when? `daily` holds its runs per UTC day
 * (outage runs left out by the caller); days outside the lookback window ending `today` are ignored.
 *
 * Not flagged: scan each of the last 28 days for the day the failure rate stepped up, the runs before it
 * counted back to the window's start (the split with the largest likelihood-ratio statistic, at least 20
 * runs before and 8 after). Raise the flag when that
 * statistic reaches the calibrated threshold, the rate rose by 10 points or more with at least 3 failures
 * after on 2 days or more, and the recent runs (the last 14 days, or the days since the change) are still worse than before
 * (p < 0.01, 5 points) — so a burst that has already passed raises nothing. The flag carries the change
 * day and the runs before it.
 * Flagged: compare the recent runs with the runs before the change that were kept; keep the flag while they
 * are worse at p < 0.01 and by 5 points (hysteresis: a lower bar than raising), clear it otherwise. With
 * fewer than 5 recent runs the flag stands.
 */
export function assessDegradation(
  daily: readonly DailySuccess[],
  today: string,
  current: DegradationState,
  opts: DegradationOptions = {},
): DegradationAssessment {
  const o = { ...DEGRADATION_DEFAULTS, ...opts };
  const { first, days } = windowDays(daily, today, o.lookbackDays);

  if (current.degrading && current.since && current.before) {
    const { since, before } = current;
    const index = Math.round((dayStart(since) - first) / DAY);
    const after = sum(days, index);
    const recent = sum(days, Math.max(index, o.lookbackDays - o.recentDays));
    const statistic = riseStatistic(before, recent);
    const figures = `${pct(recent)} failures over ${recent.runs} recent runs vs ${pct(before)} over ${before.runs} before ${since}`;
    const flagged = (degrading: boolean, why: string): DegradationAssessment => ({
      degrading, since: degrading ? since : null, before: degrading ? before : null, after: degrading ? after : null, statistic, reason: `${figures}; ${why}`,
    });
    if (recent.runs < o.minRecentRuns) return flagged(true, `fewer than ${o.minRecentRuns} recent runs, flag kept`);
    return worseNow(before, recent, o) ? flagged(true, "still significantly worse") : flagged(false, "recovered");
  }

  const none = (why: string, statistic = 0): DegradationAssessment => ({ degrading: false, since: null, before: null, after: null, statistic, reason: why });
  const cp = degradationCandidate(days, o);
  if (!cp) return none("no day after which the runs fail significantly more often");
  const since = dayOf(first + cp.index * DAY);
  const threshold = o.gainStatistic ?? gainThreshold(cp.before.failures + cp.after.failures);
  const figures = `${pct(cp.before)} failures over ${cp.before.runs} runs before ${since}, ${pct(cp.after)} over ${cp.after.runs} since (statistic ${cp.statistic.toFixed(1)}, threshold ${threshold})`;
  if (cp.statistic < threshold) return none(`${figures}; not significantly worse`, cp.statistic);
  return { degrading: true, since, before: cp.before, after: cp.after, statistic: cp.statistic, reason: `${figures}; significantly worse` };
}
