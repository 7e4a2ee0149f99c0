// AUTO-007: ISO weeks (year boundaries, 53-week years), daily totals, and the degradation flag's raise /
// keep / clear rules around the change-point scan (the statistic itself: change-point.test.ts; its
// calibration and the planted-shift rates: degradation-sim.test.ts).
import fc from "fast-check";
import { describe, expect, it, test } from "vitest";
import {
  DEGRADATION_DEFAULTS, GAIN_THRESHOLDS, addWeeks, assessDegradation, dailyTotals, dayNumber, dayStart, gainThreshold, isoWeekOf, weekStart,
  type DegradationState,
} from "./evolution";
import type { DailySuccess } from "./types";

describe("ISO weeks", () => {
  test.each([
    ["2026-11-25", "2026-W48"],
    ["2026-01-01", "2026-W01"], // a Thursday: 2026 has 53 weeks
    ["2026-12-28", "2026-W53"],
    ["2026-12-31", "2026-W53"],
    ["2027-01-01", "2026-W53"],
    ["2027-01-03", "2026-W53"],
    ["2027-01-04", "2027-W01"],
    ["2024-12-30", "2025-W01"], // Monday of week 1 lies in the year before
    ["2021-01-03", "2020-W53"],
    ["2020-02-29", "2020-W09"],
  ])("%s is in %s", (day, week) => {
    expect(isoWeekOf(dayStart(day))).toBe(week);
    expect(isoWeekOf(dayStart(day) + 86_399_999)).toBe(week);
  });

  test.each([
    ["2026-W53", "2026-12-28"],
    ["2027-W01", "2027-01-04"],
    ["2025-W01", "2024-12-30"],
  ])("%s starts on %s", (week, monday) => {
    expect(weekStart(week)).toBe(dayStart(monday));
  });

  it("steps across year ends", () => {
    expect(addWeeks("2026-W52", 1)).toBe("2026-W53");
    expect(addWeeks("2026-W53", 1)).toBe("2027-W01");
    expect(addWeeks("2027-W02", -3)).toBe("2026-W52");
    expect(addWeeks("2025-W52", 1)).toBe("2026-W01"); // 2025 has 52 weeks
  });

  test.each(["2027-W53", "2026-W00", "2026-48"])("rejects the week %s", (bad) => {
    expect(() => weekStart(bad)).toThrow(RangeError);
  });

  test.each(["2026-02-30", "26-01-01", "2026-1-01"])("rejects the day %s", (bad) => {
    expect(() => dayStart(bad)).toThrow(RangeError);
  });

  it("property: weekStart(isoWeekOf(t)) is the Monday on or before t", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }), (t) => {
        const monday = weekStart(isoWeekOf(t));
        expect(t - monday).toBeGreaterThanOrEqual(0);
        expect(t - monday).toBeLessThan(7 * 86_400_000);
        expect(new Date(monday).getUTCDay()).toBe(1);
      }),
    );
  });
});

describe("dailyTotals", () => {
  it("dailyTotals buckets runs by UTC day", () => {
    const t = dayStart("2026-11-24");
    expect(dailyTotals([{ startedAt: t + 1, success: true }, { startedAt: t - 1, success: false }, { startedAt: t + 5, success: false }])).toEqual([
      { day: "2026-11-23", executions: 1, successes: 0 },
      { day: "2026-11-24", executions: 2, successes: 1 },
    ]);
  });
});

describe("assessDegradation", () => {
  const TODAY = "2026-11-25";
  const DAY = 86_400_000;
  /** Segments oldest first, as [days, runs a day, failures a day]; the last day of the last segment is TODAY. */
  function series(...segments: Array<[number, number, number]>): DailySuccess[] {
    const total = segments.reduce((n, [d]) => n + d, 0);
    const out: DailySuccess[] = [];
    let ago = total - 1;
    for (const [days, runs, failures] of segments) {
      for (let i = 0; i < days; i++, ago--) {
        if (runs > 0) out.push({ day: new Date(dayStart(TODAY) - ago * DAY).toISOString().slice(0, 10), executions: runs, successes: runs - failures });
      }
    }
    return out;
  }
  const fresh: DegradationState = { degrading: false };

  it("raises the flag on a step up, dated to its first day, with the runs before and since", () => {
    const a = assessDegradation(series([60, 3, 0], [10, 3, 1]), TODAY, fresh);
    expect(a.degrading).toBe(true);
    expect(a.since).toBe("2026-11-16"); // the first of the last 10 days
    expect(a.before).toEqual({ runs: 180, failures: 0 });
    expect(a.after).toEqual({ runs: 30, failures: 10 });
    expect(a.reason).toMatch(/0 % failures over 180 runs before 2026-11-16, 33.3 % over 30 since .*significantly worse/);
  });

  test.each([
    // [segments, why it is not raised]
    [[[60, 100, 5], [14, 100, 12]], "a rise of 7 points: significant, but under 10"],
    [[[60, 4, 0], [1, 8, 2]], "2 failures after: under 3"],
    [[[40, 3, 0], [10, 3, 2], [14, 3, 0]], "a burst that has passed: the last 14 days are back to normal"],
    [[[5, 3, 0], [3, 3, 3]], "fewer than 20 runs before any day"],
    [[[70, 3, 0]], "no failures at all"],
    [[[40, 3, 1], [30, 3, 0]], "an improvement"],
  ] as Array<[Array<[number, number, number]>, string]>)("does not raise on %j: %s", (segments) => {
    const a = assessDegradation(series(...segments), TODAY, fresh);
    expect(a.degrading).toBe(false);
    expect([a.since, a.before, a.after]).toEqual([null, null, null]);
  });

  it("raises exactly at the threshold", () => {
    const s = series([50, 3, 0], [4, 3, 1]);
    const { statistic } = assessDegradation(s, TODAY, fresh, { gainStatistic: 0 });
    expect(statistic).toBeGreaterThan(0);
    expect(assessDegradation(s, TODAY, fresh, { gainStatistic: statistic }).degrading).toBe(true);
    expect(assessDegradation(s, TODAY, fresh, { gainStatistic: statistic + 1e-6 }).degrading).toBe(false);
    // by default, the calibrated threshold for the window's failures decides
    expect(assessDegradation(s, TODAY, fresh).degrading).toBe(statistic >= gainThreshold(4));
  });

  it("reads only the lookback window ending today", () => {
    const bad = series([30, 3, 0], [10, 3, 2]);
    const future = bad.map((d) => ({ ...d, day: new Date(dayStart(d.day) + 40 * DAY).toISOString().slice(0, 10) })); // every day after TODAY
    expect(assessDegradation(future, TODAY, fresh).degrading).toBe(false);
    const old = series([30, 3, 0], [10, 3, 2], [DEGRADATION_DEFAULTS.lookbackDays, 0, 0]); // all before the window
    expect(assessDegradation(old, TODAY, fresh).degrading).toBe(false);
  });

  describe("a raised flag", () => {
    const before = { runs: 150, failures: 3 }; // 2 %
    const flagged: DegradationState = { degrading: true, since: "2026-11-05", before };
    test.each([
      // [segments after the change, kept]
      [[[7, 3, 0], [14, 3, 1]], true], // 33 % over the last 14 days: still worse
      [[[21, 3, 1]], true],
      [[[7, 3, 1], [14, 3, 0]], false], // the last 14 days are clean: recovered
      [[[14, 10, 0], [7, 10, 1]], false], // 10 % over the last 7 days, but 5 % over the 14: 3 points above 2 %
      [[[19, 3, 1], [2, 2, 0]], true], // recent runs still mostly bad
    ] as Array<[Array<[number, number, number]>, boolean]>)("after %j → %s", (segments, kept) => {
      const a = assessDegradation(series([63, 3, 0], ...segments), TODAY, flagged);
      expect(a.degrading).toBe(kept);
      if (kept) expect([a.since, a.before]).toEqual(["2026-11-05", before]);
      else expect([a.since, a.before, a.after]).toEqual([null, null, null]);
    });

    it("is compared with the runs kept from when it was raised, not with the window's runs before the change", () => {
      // the window's runs before 2026-11-05 are clean, but the kept ones failed 31 %: 33 % now is under 5 points worse
      const a = assessDegradation(series([63, 3, 0], [21, 3, 1]), TODAY, { ...flagged, before: { runs: 100, failures: 31 } });
      expect(a.degrading).toBe(false);
      expect(a.reason).toMatch(/recovered/);
    });

    it("stands with fewer than 5 recent runs", () => {
      const a = assessDegradation(series([63, 3, 0], [17, 0, 0], [4, 1, 0]), TODAY, flagged);
      expect(a.degrading).toBe(true);
      expect(a.reason).toMatch(/fewer than 5 recent runs/);
    });

    it("counts the runs since the change as its after figures", () => {
      const a = assessDegradation(series([63, 3, 0], [21, 3, 1]), TODAY, flagged);
      expect(a.after).toEqual({ runs: 63, failures: 21 });
    });
  });

  it("property: hysteresis — whatever raises the flag keeps it on the same runs", () => {
    const day = fc.integer({ min: 0, max: 6 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n })));
    let raised = 0;
    fc.assert(
      fc.property(fc.array(day, { minLength: 84, maxLength: 84 }), fc.integer({ min: 20, max: 80 }), (days, cut) => {
        // at most one failure a day before the cut, as drawn after it: the later part tends to fail more often
        const s = series(...days.map(([runs, failures], i): [number, number, number] => [1, runs, i < cut ? Math.min(failures, 1) : failures]));
        const first = assessDegradation(s, TODAY, fresh, { gainStatistic: 0 });
        if (!first.degrading) return;
        raised++;
        const again = assessDegradation(s, TODAY, { degrading: true, since: first.since, before: first.before }, { gainStatistic: 0 });
        expect(again.degrading).toBe(true);
        expect(again.after).toEqual(first.after);
      }),
      { numRuns: 200 },
    );
    expect(raised).toBeGreaterThan(20); // the property was tested on raised flags, not vacuously
  });

  it("the calibrated thresholds never fall as failures grow, and never below one comparison at p < 0.001", () => {
    const values = GAIN_THRESHOLDS.map(([, c]) => c);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(9.55);
    expect(GAIN_THRESHOLDS.at(-1)![0]).toBe(Number.POSITIVE_INFINITY);
    expect(gainThreshold(1_000_000)).toBe(values.at(-1));
  });
});

describe("dayNumber", () => {
  it("property: the days since 1970-01-01 that Date gives, for every day from 1900 to 2200", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2200, 0, 1) / 86_400_000 }), (n) => {
        expect(dayNumber(new Date(n * 86_400_000).toISOString().slice(0, 10))).toBe(n);
      }),
    );
  });
});
