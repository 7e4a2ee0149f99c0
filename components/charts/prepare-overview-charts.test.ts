import { describe, expect, it } from "vitest";
import { preparePeriodActivity } from "./prepare-period-activity";
import { prepareTopPatterns, shortName } from "./prepare-top-patterns";
import { prepareWeeklyTimeSaved } from "./prepare-weekly-time-saved";

const day = (d: string, executions: number, successes: number, timeSavedMs = 0) => ({ day: d, executions, successes, failures: executions - successes, timeSavedMs });

describe("preparePeriodActivity", () => {
  it("gives one point per day of the period; a missing day is a gap, not a zero", () => {
    const points = preparePeriodActivity([day("2026-11-28", 4, 3), day("2026-11-30", 2, 2)], { from: "2026-11-28", to: "2026-12-01" });
    expect(points.map((p) => p.day)).toEqual(["2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01"]);
    expect(points[0]).toEqual({ day: "2026-11-28", label: "Nov 28", successes: 3, failures: 1, successRate: 75 });
    expect(points[1]).toMatchObject({ successes: null, failures: null, successRate: null });
    expect(points[2]).toMatchObject({ successRate: 100 });
    expect(points[3]!.successRate).toBeNull();
  });

  it("a day whose row holds no executions is a gap too (no 0 % from 0/0)", () => {
    expect(preparePeriodActivity([day("2026-11-28", 0, 0)], { from: "2026-11-28", to: "2026-11-28" })[0]!.successRate).toBeNull();
  });

  it("rounds the rate to one decimal and ignores days outside the period", () => {
    const points = preparePeriodActivity([day("2026-11-27", 9, 9), day("2026-11-28", 3, 1)], { from: "2026-11-28", to: "2026-11-28" });
    expect(points).toHaveLength(1);
    expect(points[0]!.successRate).toBe(33.3);
  });
});

describe("prepareWeeklyTimeSaved", () => {
  it("sums days into ISO weeks in hours, marks partial weeks, and leaves a week without runs as a gap", () => {
    // 2026-11-19 (Thu) … 2026-12-08 (Tue): W47 part, W48, W49, W50 part
    const bars = prepareWeeklyTimeSaved(
      [day("2026-11-19", 2, 2, 3_600_000), day("2026-11-22", 1, 1, 1_800_000), day("2026-12-01", 5, 5, -360_000), day("2026-12-08", 1, 1, 0)],
      { from: "2026-11-19", to: "2026-12-08" },
    );
    expect(bars).toEqual([
      { week: "2026-W47", label: "Nov 19 (part)", hours: 1.5, partial: true },
      { week: "2026-W48", label: "Nov 23", hours: null, partial: false },
      { week: "2026-W49", label: "Nov 30", hours: -0.1, partial: false },
      { week: "2026-W50", label: "Dec 7 (part)", hours: 0, partial: true },
    ]);
  });

  it("crosses the year (ISO week 53 / week 1)", () => {
    const bars = prepareWeeklyTimeSaved([day("2027-01-01", 1, 1, 3_600_000)], { from: "2026-12-28", to: "2027-01-04" });
    expect(bars.map((b) => [b.week, b.hours])).toEqual([
      ["2026-W53", 1],
      ["2027-W01", null],
    ]);
  });
});

describe("prepareTopPatterns", () => {
  it("keeps patterns that ran, in order, with a short label and the rate in percent", () => {
    const bars = prepareTopPatterns([
      { patternId: "a", name: "deploy the whole production fleet now", runs: 10, successRate: 0.876 },
      { patternId: "b", name: "lint", runs: 0, successRate: 0 },
    ]);
    expect(bars).toEqual([{ patternId: "a", label: "deploy the whole produc…", runs: 10, successRate: 87.6 }]);
  });

  it("shortens by characters, not UTF-16 units (no broken emoji or surrogate halves)", () => {
    expect(shortName("🚀".repeat(30), 5)).toBe("🚀🚀🚀🚀…");
  });
});
