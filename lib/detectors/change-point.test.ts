// The binomial change-point scan: the likelihood-ratio statistic (values checked against SciPy's xlogy),
// its one-sidedness, and the split the scan picks, against a brute-force scan.
import fc from "fast-check";
import { describe, expect, it, test } from "vitest";
import { riseStatistic, scanChangePoint, type RunCounts } from "./change-point";

describe("riseStatistic", () => {
  test.each([
    // [before failures/runs, after failures/runs, statistic]
    [[3, 107], [11, 60], 11.672672100203428],
    [[4, 135], [10, 33], 19.859690431988952],
    [[0, 50], [3, 8], 13.028053305276469],
    [[1, 40], [20, 20], 68.34104875315342],
    [[5, 100], [5, 100], 0], // no rise
    [[10, 100], [5, 100], 0], // a fall: one-sided, so nothing
    [[0, 0], [5, 10], 0], // an empty side
  ] as Array<[[number, number], [number, number], number]>)("%j before, %j after → %d", ([fb, nb], [fa, na], expected) => {
    expect(riseStatistic({ runs: nb, failures: fb }, { runs: na, failures: fa })).toBeCloseTo(expected, 9);
  });

  it("property: never negative, 0 unless the after side fails more often, and symmetric in the runs' order within a side", () => {
    const side = fc.integer({ min: 0, max: 200 }).chain((n) => fc.record({ runs: fc.constant(n), failures: fc.integer({ min: 0, max: n }) }));
    fc.assert(
      fc.property(side, side, (b, a) => {
        const g = riseStatistic(b, a);
        expect(g).toBeGreaterThanOrEqual(0);
        if (b.runs === 0 || a.runs === 0 || a.failures / a.runs <= b.failures / b.runs) expect(g).toBe(0);
        else expect(g).toBeGreaterThan(0);
      }),
    );
  });
});

describe("scanChangePoint", () => {
  const days = (rows: Array<[number, number]>): RunCounts[] => rows.map(([runs, failures]) => ({ runs, failures }));

  it("finds the day the failure rate stepped up", () => {
    const series = days([...Array.from({ length: 30 }, () => [4, 0] as [number, number]), ...Array.from({ length: 10 }, () => [4, 2] as [number, number])]);
    const cp = scanChangePoint(series, { minBeforeRuns: 20, minAfterRuns: 8 })!;
    expect(cp.index).toBe(30);
    expect(cp.before).toEqual({ runs: 120, failures: 0 });
    expect(cp.after).toEqual({ runs: 40, failures: 20 });
  });

  it("dates a change to a day that ran, not to the empty days before it", () => {
    const series = days([[30, 0], [0, 0], [0, 0], [5, 4], [5, 4]]);
    expect(scanChangePoint(series, { minBeforeRuns: 20, minAfterRuns: 8 })!.index).toBe(3);
  });

  it("tries no split with too few runs on a side", () => {
    expect(scanChangePoint(days([[19, 0], [10, 10]]), { minBeforeRuns: 20, minAfterRuns: 8 })).toBeNull();
    expect(scanChangePoint(days([[20, 0], [7, 7]]), { minBeforeRuns: 20, minAfterRuns: 8 })).toBeNull();
    expect(scanChangePoint(days([[20, 0], [8, 8]]), { minBeforeRuns: 20, minAfterRuns: 8 })!.index).toBe(1);
  });

  it("property: the best split is the one a brute-force scan finds", () => {
    const day = fc.integer({ min: 0, max: 6 }).chain((n) => fc.record({ runs: fc.constant(n), failures: fc.integer({ min: 0, max: n }) }));
    fc.assert(
      fc.property(fc.array(day, { minLength: 2, maxLength: 40 }), (series) => {
        const opts = { minBeforeRuns: 10, minAfterRuns: 5 };
        const sum = (xs: RunCounts[]) => xs.reduce((t, d) => ({ runs: t.runs + d.runs, failures: t.failures + d.failures }), { runs: 0, failures: 0 });
        let best = -1;
        for (let k = 1; k < series.length; k++) {
          const before = sum(series.slice(0, k));
          const after = sum(series.slice(k));
          if (before.runs >= opts.minBeforeRuns && after.runs >= opts.minAfterRuns && series[k]!.runs > 0) best = Math.max(best, riseStatistic(before, after));
        }
        const cp = scanChangePoint(series, opts);
        if (best < 0) expect(cp).toBeNull();
        else expect(cp!.statistic).toBeCloseTo(best, 9);
      }),
    );
  });
});
