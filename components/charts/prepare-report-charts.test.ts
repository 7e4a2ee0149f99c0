import { describe, expect, it } from "vitest";
import { prepareReportDaily } from "./prepare-report-daily";
import { prepareSparkline } from "./prepare-sparkline";
import { prepareTimeSaved } from "./prepare-time-saved";

describe("the report's charts", () => {
  const daily = [
    { day: "2026-11-17", executions: 8, successes: 6 },
    { day: "2026-11-22", executions: 3, successes: 3 },
  ];

  it("daily: seven days, Monday first, missing days as gaps, success in percent", () => {
    const points = prepareReportDaily("2026-W47", daily);
    expect(points).toHaveLength(7);
    expect(points[0]).toEqual({ day: "2026-11-16", label: "Mon Nov 16", executions: null, successRate: null });
    expect(points[1]).toMatchObject({ executions: 8, successRate: 75 });
    expect(points[6]).toMatchObject({ label: "Sun Nov 22", successRate: 100 });
  });

  it("sparkline: the week's days, gaps kept", () => {
    expect(prepareSparkline("2026-W47", daily).map((p) => p.executions)).toEqual([null, 8, null, null, null, null, 3]);
  });

  it("time saved: patterns with a baseline, in hours, long names shortened", () => {
    const use = (patternId: string, name: string, timeSavedMs: number, baseline: number | null) => ({ patternId, name, uses: 1, successRate: 1, timeSavedMs, baselineSource: baseline === null ? null : ("evidence" as const), baselineDurationMs: baseline });
    const bars = prepareTimeSaved([use("a", "x".repeat(40), 7_200_000, 1), use("b", "B", 0, null), use("c", "<script>", -1_800_000, 5)]);
    expect(bars.map((b) => [b.patternId, b.hours])).toEqual([["a", 2], ["c", -0.5]]);
    expect(bars[0]!.label).toHaveLength(28);
    expect(bars[1]!.label).toBe("<script>");
  });
});
