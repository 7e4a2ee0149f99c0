import { describe, expect, it } from "vitest";
import { dayLabel, prepareDailyExecutions } from "./prepare-daily-executions";

describe("prepareDailyExecutions", () => {
  it("gives one point per day ending on endDay, with missing days as gaps", () => {
    const points = prepareDailyExecutions(
      [
        { day: "2026-11-23", executions: 5, successes: 4, failures: 1 },
        { day: "2026-11-25", executions: 2, successes: 2, failures: 0 },
      ],
      "2026-11-25",
      4,
    );
    expect(points.map((p) => p.day)).toEqual(["2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25"]);
    expect(points[0]).toMatchObject({ successes: null, failures: null });
    expect(points[1]).toMatchObject({ successes: 4, failures: 1 });
    expect(points[2]!.successes).toBeNull();
    expect(points[3]).toMatchObject({ successes: 2, failures: 0, label: "Nov 25" });
  });

  it("crosses month and year boundaries", () => {
    expect(prepareDailyExecutions([], "2027-01-01", 2).map((p) => p.day)).toEqual(["2026-12-31", "2027-01-01"]);
    expect(dayLabel("2027-01-01")).toBe("Jan 1");
  });
});
