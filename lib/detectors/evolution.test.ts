// AUTO-007: ISO weeks (year boundaries, 53-week years), weekly sums, and the degradation flag's
// gain / keep / clear boundaries (p-values checked against SciPy).
import fc from "fast-check";
import { describe, expect, it, test } from "vitest";
import { addWeeks, assessDegradation, dailyTotals, dayStart, isoWeekOf, weekStart, weeklySuccess } from "./evolution";
import type { WeeklySuccess } from "./types";

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

describe("weeklySuccess", () => {
  it("sums days into ISO weeks across the year end and leaves empty weeks out", () => {
    const w = weeklySuccess([
      { day: "2027-01-01", executions: 4, successes: 3 },
      { day: "2026-12-28", executions: 6, successes: 6 },
      { day: "2027-01-04", executions: 10, successes: 5 },
      { day: "2027-01-11", executions: 0, successes: 0 },
    ]);
    expect(w).toEqual([
      { week: "2026-W53", executions: 10, successes: 9, rate: 0.9 },
      { week: "2027-W01", executions: 10, successes: 5, rate: 0.5 },
    ]);
  });

  it("property: totals are preserved and weeks come out sorted and unique", () => {
    const day = fc.integer({ min: 0, max: 800 }).map((i) => new Date(Date.UTC(2025, 11, 1) + i * 86_400_000).toISOString().slice(0, 10));
    const row = fc.record({ day, executions: fc.integer({ min: 0, max: 50 }), successes: fc.integer({ min: 0, max: 50 }) }).map((r) => ({ ...r, successes: Math.min(r.successes, r.executions) }));
    fc.assert(
      fc.property(fc.array(row), (rows) => {
        const w = weeklySuccess(rows);
        const total = (xs: Array<{ executions: number; successes: number }>) => xs.reduce((a, x) => [a[0]! + x.executions, a[1]! + x.successes], [0, 0]);
        expect(total(w)).toEqual(total(rows));
        expect(w.map((x) => x.week)).toEqual([...new Set(w.map((x) => x.week))].sort());
        for (const x of w) expect(x.rate).toBeCloseTo(x.successes / x.executions, 12);
      }),
    );
  });

  it("dailyTotals buckets runs by UTC day", () => {
    const t = dayStart("2026-11-24");
    expect(dailyTotals([{ startedAt: t + 1, success: true }, { startedAt: t - 1, success: false }, { startedAt: t + 5, success: false }])).toEqual([
      { day: "2026-11-23", executions: 1, successes: 0 },
      { day: "2026-11-24", executions: 2, successes: 1 },
    ]);
  });
});

describe("assessDegradation", () => {
  const NOW = "2027-W02";
  /** recent = W02 + W01 (split evenly), earlier = 2026-W50 … 2026-W53 (split evenly). */
  function weeks(recent: [number, number], earlier: [number, number]): WeeklySuccess[] {
    const split = (names: string[], [s, n]: [number, number]) =>
      names.map((week, i) => {
        const ni = Math.floor(n / names.length) + (i < n % names.length ? 1 : 0);
        const si = Math.floor(s / names.length) + (i < s % names.length ? 1 : 0);
        return { week, executions: ni, successes: Math.min(si, ni), rate: ni ? Math.min(si, ni) / ni : 0 };
      });
    const out = [...split(["2027-W01", "2027-W02"], recent), ...split(["2026-W50", "2026-W51", "2026-W52", "2026-W53"], earlier)];
    expect(out.reduce((a, w) => a + w.successes, 0)).toBe(recent[0] + earlier[0]); // the split kept every success
    return out;
  }

  test.each([
    // [recent s/n, earlier s/n, currently degrading, expected]; one-sided p with continuity correction
    // gain needs p < 0.001 and a drop ≥ 10 points
    [[30, 40], [95, 100], false, true], // p = 0.00081, drop 20
    [[31, 40], [95, 100], false, false], // p = 0.0025
    [[160, 200], [360, 400], false, true], // drop exactly 10 points, p = 0.00054
    [[161, 200], [360, 400], false, false], // drop 9.5 points
    // keep while p < 0.01 and the drop ≥ 5 points
    [[32, 40], [95, 100], true, true], // p = 0.0073
    [[33, 40], [95, 100], true, false], // p = 0.020
    [[1700, 2000], [3600, 4000], true, true], // drop exactly 5 points
    [[1701, 2000], [3600, 4000], true, false], // 4.95 points
    [[40, 40], [95, 100], true, false], // fully recovered
    // fewer than 20 runs on a side: state unchanged
    [[0, 19], [95, 100], false, false],
    [[0, 20], [95, 100], false, true],
    [[0, 19], [95, 100], true, true],
    [[0, 40], [19, 19], false, false],
  ] as Array<[[number, number], [number, number], boolean, boolean]>)("recent %j vs earlier %j, degrading %s → %s", (recent, earlier, current, expected) => {
    const a = assessDegradation(weeks(recent, earlier), NOW, { degrading: current });
    expect(a.degrading).toBe(expected);
    expect([a.recentRuns, a.earlierRuns]).toEqual([recent[1], earlier[1]]);
  });

  it("uses the two weeks up to nowWeek and the four before, nothing else", () => {
    const w = [
      { week: "2027-W03", executions: 100, successes: 0, rate: 0 }, // after nowWeek
      { week: "2026-W49", executions: 100, successes: 0, rate: 0 }, // before the earlier weeks
      ...weeks([40, 40], [100, 100]),
    ];
    const a = assessDegradation(w, NOW, { degrading: false });
    expect([a.recentRuns, a.earlierRuns, a.recentRate, a.earlierRate]).toEqual([40, 100, 1, 1]);
  });

  it("reports the figures it decided on", () => {
    const a = assessDegradation(weeks([24, 40], [97, 100]), NOW, { degrading: false });
    expect(a.degrading).toBe(true);
    expect(a.recentRate).toBeCloseTo(0.6, 12);
    expect(a.earlierRate).toBeCloseTo(0.97, 12);
    expect(a.z).toBeLessThan(-3);
    expect(a.pValue).toBeLessThan(0.001);
    expect(a.reason).toMatch(/significantly worse/);
  });

  it("raises the flag with the earlier weeks as its baseline, and returns no baseline otherwise", () => {
    const w = weeks([24, 40], [97, 100]);
    expect(assessDegradation(w, NOW, { degrading: false }).baseline).toEqual({ runs: 100, successes: 97 });
    expect(assessDegradation(weeks([40, 40], [97, 100]), NOW, { degrading: false }).baseline).toBeNull();
    expect(assessDegradation(w, NOW, { degrading: true, baseline: { runs: 200, successes: 198 } }).baseline).toEqual({ runs: 200, successes: 198 });
  });

  test.each([
    // [recent, sliding earlier weeks, kept baseline, degrading after]
    [[28, 38], [85, 100], { runs: 110, successes: 109 }, true], // the earlier weeks already hold bad ones: the baseline still says worse
    [[28, 38], [85, 100], null, false], // without a baseline the sliding comparison would clear it
    [[24, 40], [60, 100], { runs: 110, successes: 108 }, true], // degraded for six weeks: still flagged
    [[24, 40], [60, 100], null, false],
    [[39, 40], [60, 100], { runs: 100, successes: 98 }, false], // back within 5 points of the baseline: recovered
  ] as Array<[[number, number], [number, number], { runs: number; successes: number } | null, boolean]>)(
    "flagged, recent %j, earlier %j, baseline %j → %s",
    (recent, earlier, baseline, expected) => {
      expect(assessDegradation(weeks(recent, earlier), NOW, { degrading: true, baseline }).degrading).toBe(expected);
    },
  );

  it("property: hysteresis — whatever gains the flag keeps it; an improvement never gains it", () => {
    const side = fc.integer({ min: 0, max: 300 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(side, side, (recent, earlier) => {
        const w = weeks(recent, earlier);
        const first = assessDegradation(w, NOW, { degrading: false });
        const gained = first.degrading;
        if (gained) expect(assessDegradation(w, NOW, { degrading: true, baseline: first.baseline }).degrading).toBe(true);
        if (gained) expect(assessDegradation(w, NOW, { degrading: true }).degrading).toBe(true);
        if (recent[1] > 0 && earlier[1] > 0 && recent[0] / recent[1] >= earlier[0] / earlier[1]) expect(gained).toBe(false);
      }),
    );
  });
});
