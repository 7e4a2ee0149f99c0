import { describe, expect, it } from "vitest";
import { preparePatternWeekly } from "./prepare-pattern-weekly";

describe("preparePatternWeekly", () => {
  const weeks = [
    { week: "2026-W46", runs: 10, successes: 9, durationMs: 25_000 },
    { week: "2026-W48", runs: 4, successes: 1, durationMs: 40_000 },
  ];

  it("gives the last N weeks; a week without runs is a gap, not a zero", () => {
    const { points } = preparePatternWeekly(weeks, { currentWeek: "2026-W49", count: 4, degradingSince: null });
    expect(points).toEqual([
      { week: "2026-W46", label: "Nov 9", runs: 10, successRate: 90, meanSeconds: 2.5 },
      { week: "2026-W47", label: "Nov 16", runs: 0, successRate: null, meanSeconds: null },
      { week: "2026-W48", label: "Nov 23", runs: 4, successRate: 25, meanSeconds: 10 },
      { week: "2026-W49", label: "Nov 30", runs: 0, successRate: null, meanSeconds: null },
    ]);
  });

  it("marks the week degrading began when the chart shows it, and nothing when it began earlier", () => {
    expect(preparePatternWeekly(weeks, { currentWeek: "2026-W49", count: 4, degradingSince: new Date("2026-11-25T13:00:00Z") }).degradingLabel).toBe("Nov 23");
    expect(preparePatternWeekly(weeks, { currentWeek: "2026-W49", count: 4, degradingSince: new Date("2026-01-05T00:00:00Z") }).degradingLabel).toBeNull();
  });
});
