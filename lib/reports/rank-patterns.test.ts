import { describe, expect, it } from "vitest";
import { byTimeSaved, dailySeries, patternUses, timeSaved, weekTotals, type UsageRow } from "./rank-patterns";

const row = (day: string, patternId: string | null, runs: number, successes: number, durationMs: number, fixRuns = 0, fixSuccesses = 0): UsageRow => ({ day, patternId, runs, successes, durationMs, fixRuns, fixSuccesses });

describe("ranking a week's usage", () => {
  it.each([
    [3, 30_000, 20_000, 30_000],
    [2, 70_000, 30_000, -10_000], // slower than the baseline: counts against it
    [5, 1_000, null, 0],
  ])("%i runs totalling %i ms against baseline %s save %i ms", (uses, duration, baseline, saved) => {
    expect(timeSaved(uses, duration, baseline)).toBe(saved);
  });

  const patterns = new Map([
    ["a", { id: "a", name: "A", baselineDurationMs: 10_000, baselineSource: "evidence" as const }],
    ["b", { id: "b", name: "B", baselineDurationMs: null, baselineSource: null }],
  ]);
  const rows = [row("2026-11-16", "a", 2, 2, 4_000), row("2026-11-18", "a", 1, 0, 2_000, 1, 0), row("2026-11-16", "b", 5, 4, 500, 2, 2), row("2026-11-16", null, 4, 4, 100)];

  it("ranks by uses and by time saved, and says which baseline it used", () => {
    const uses = patternUses(rows, patterns);
    expect(uses.map((u) => u.patternId)).toEqual(["b", "a"]);
    expect(uses[1]).toMatchObject({ uses: 3, successRate: 0.6667, timeSavedMs: 24_000, baselineSource: "evidence" });
    expect(uses[0]).toMatchObject({ timeSavedMs: 0, baselineSource: null, baselineDurationMs: null });
    expect(byTimeSaved(uses).map((u) => u.patternId)).toEqual(["a"]);
    expect(weekTotals(rows, uses)).toEqual({ executions: 12, successes: 10, successRate: 0.8333, timeSavedMs: 24_000, fixRuns: 3, fixSuccesses: 2 });
  });

  it("gives only the days with runs, in order", () => {
    expect(dailySeries(rows)).toEqual([
      { day: "2026-11-16", executions: 11, successes: 10 },
      { day: "2026-11-18", executions: 1, successes: 0 },
    ]);
  });
});
