// Daily run counts of one pattern with a planted failure rate, optionally stepping to another rate some
// days ago: what AUTO-007's change-point test reads, generated fast enough to simulate thousands of
// patterns (the calibration bench, the 200-seed test) without telemetry or a database.
import type { RunCounts } from "../detectors/change-point";
import { shiftDay } from "../queries/period";
import { assessDegradation, type DegradationState } from "../detectors/evolution";
import type { DailySuccess } from "../detectors/types";
import type { Random } from "./random";

const DAY = 86_400_000;

/** Runs per day: a whole number drawn uniformly from [min, max], or Poisson with this mean (sparse patterns). */
export type RunsPerDay = { uniform: [number, number] } | { poisson: number };

export interface SeriesSpec {
  /** Days of history up to and including `today`. */
  days: number;
  runsPerDay: RunsPerDay;
  failureRate: number;
  /** From `daysAgo` days before today (0 = today) on, runs fail at `failureRate`. */
  change?: { daysAgo: number; failureRate: number };
}

function poisson(r: Random, mean: number): number {
  // Knuth's product of uniforms: fine for the small means of a day's runs
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = r.next(); p > limit; p *= r.next()) k++;
  return k;
}

export function runsOn(r: Random, spec: RunsPerDay): number {
  return "uniform" in spec ? r.int(spec.uniform[0], spec.uniform[1]) : poisson(r, spec.poisson);
}

/** One pattern's runs per day, oldest first, ending today: `days` entries (a day without runs is zeros). */
export function simulateRunCounts(r: Random, spec: SeriesSpec): RunCounts[] {
  const out: RunCounts[] = [];
  for (let ago = spec.days - 1; ago >= 0; ago--) {
    const runs = runsOn(r, spec.runsPerDay);
    const rate = spec.change && ago <= spec.change.daysAgo ? spec.change.failureRate : spec.failureRate;
    let failures = 0;
    for (let k = 0; k < runs; k++) if (r.next() < rate) failures++;
    out.push({ runs, failures });
  }
  return out;
}

/** The same as daily totals ending on `today` (YYYY-MM-DD), as the analysis run reads them; days without runs are left out. */
export function simulateDailySeries(r: Random, spec: SeriesSpec, today: string): DailySuccess[] {
  const end = Date.parse(`${today}T00:00:00Z`);
  return simulateRunCounts(r, spec).flatMap((d, i) =>
    d.runs === 0 ? [] : [{ day: new Date(end - (spec.days - 1 - i) * DAY).toISOString().slice(0, 10), executions: d.runs, successes: d.runs - d.failures }],
  );
}

/**
 * AUTO-007 as the analysis run applies it to one series: assessed at the end of each of the last `looks`
 * days up to `today`, the flag's state carried from one day to the next. Where it ends, and whether it was
 * ever raised on the way.
 */
export function assessedDaily(series: readonly DailySuccess[], today: string, looks: number): { end: DegradationState; ever: boolean } {
  let state: DegradationState = { degrading: false };
  let ever = false;
  for (let ago = looks - 1; ago >= 0; ago--) {
    const a = assessDegradation(series, shiftDay(today, -ago), state);
    state = { degrading: a.degrading, since: a.since, before: a.before };
    ever ||= a.degrading;
  }
  return { end: state, ever };
}
