// AUTO-007 evolution tracker: success rate per ISO week, and whether a pattern is getting worse —
// a two-proportion test of its recent weeks against the weeks before, with hysteresis.
import { twoProportionTest } from "./stats";
import type { DailySuccess, DegradationAssessment, WeeklySuccess } from "./types";

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

/** Daily totals → ISO weeks, oldest first. A week without executions is left out (a gap, not a zero). */
export function weeklySuccess(daily: readonly DailySuccess[]): WeeklySuccess[] {
  const byWeek = new Map<string, WeeklySuccess>();
  for (const d of daily) {
    if (d.executions <= 0) continue;
    const week = isoWeekOf(dayStart(d.day));
    const w = byWeek.get(week) ?? { week, executions: 0, successes: 0, rate: 0 };
    w.executions += d.executions;
    w.successes += d.successes;
    byWeek.set(week, w);
  }
  return [...byWeek.values()].map((w) => ({ ...w, rate: w.successes / w.executions })).sort((a, b) => (a.week < b.week ? -1 : 1));
}

export interface DegradationOptions {
  recentWeeks?: number; // 2: the current (possibly partial) week and the one before
  earlierWeeks?: number; // 4: the four weeks before those
  minRuns?: number; // 20 on each side, or the state stays as it is
  gainP?: number; // flag at one-sided p < 0.001 ...
  gainDrop?: number; // ... and a drop of at least 10 points
  keepP?: number; // keep the flag while p < 0.01 ...
  keepDrop?: number; // ... and the drop is still at least 5 points
}

export const DEGRADATION_DEFAULTS: Required<DegradationOptions> = {
  recentWeeks: 2, earlierWeeks: 4, minRuns: 20, gainP: 0.001, gainDrop: 0.1, keepP: 0.01, keepDrop: 0.05,
};

/** The state the analysis run keeps per pattern between evaluations. */
export interface DegradationState {
  degrading: boolean;
  /** The earlier weeks' totals when the flag was raised (returned by the assessment that raised it). */
  baseline?: { runs: number; successes: number } | null;
}

/**
 * Recent = `nowWeek` and the week before; earlier = the 4 weeks before those. Flag when the recent
 * success rate is lower with one-sided p < 0.001 (strict, because every pattern is tested at every
 * analysis run) and by at least 10 points; the earlier totals become the flag's baseline. A flagged
 * pattern is compared with that baseline, not with the sliding earlier weeks (which fill up with the
 * bad weeks themselves), and cleared once p ≥ 0.01 or the drop is under 5 points. With fewer than 20
 * runs on either side the current state stands: no evidence either way.
 */
export function assessDegradation(
  weeks: readonly WeeklySuccess[],
  nowWeek: string,
  current: DegradationState,
  opts: DegradationOptions = {},
): DegradationAssessment {
  const o = { ...DEGRADATION_DEFAULTS, ...opts };
  const recentSet = new Set(Array.from({ length: o.recentWeeks }, (_, i) => addWeeks(nowWeek, -i)));
  const earlierSet = new Set(Array.from({ length: o.earlierWeeks }, (_, i) => addWeeks(nowWeek, -o.recentWeeks - i)));
  const sum = (set: Set<string>) =>
    weeks.reduce((acc, w) => (set.has(w.week) ? { runs: acc.runs + w.executions, successes: acc.successes + w.successes } : acc), { runs: 0, successes: 0 });
  const recent = sum(recentSet);
  const kept = current.degrading && current.baseline ? current.baseline : null;
  const earlier = kept ?? sum(earlierSet);
  const recentRate = recent.runs > 0 ? recent.successes / recent.runs : 0;
  const earlierRate = earlier.runs > 0 ? earlier.successes / earlier.runs : 0;
  const t = twoProportionTest(recent.successes, recent.runs, earlier.successes, earlier.runs, { continuity: true });
  const drop = earlierRate - recentRate;
  const base = { recentRate, earlierRate, recentRuns: recent.runs, earlierRuns: earlier.runs, z: t.z, pValue: t.pLower };
  const figures = `${Math.round(recentRate * 1000) / 10} % over ${recent.runs} recent runs vs ${Math.round(earlierRate * 1000) / 10} % over ${earlier.runs} ${kept ? "baseline" : "earlier"} (p = ${t.pLower.toPrecision(2)})`;
  const result = (degrading: boolean, why: string): DegradationAssessment => ({
    ...base, degrading, baseline: degrading ? (kept ?? earlier) : null, reason: `${figures}; ${why}`,
  });

  if (recent.runs < o.minRuns || earlier.runs < o.minRuns) return result(current.degrading, `fewer than ${o.minRuns} runs on a side, state unchanged`);
  if (current.degrading) {
    const keep = t.pLower < o.keepP && drop >= o.keepDrop - 1e-9;
    return result(keep, keep ? "still significantly worse" : "recovered");
  }
  const gain = t.pLower < o.gainP && drop >= o.gainDrop - 1e-9;
  return result(gain, gain ? "significantly worse" : "not significantly worse");
}
