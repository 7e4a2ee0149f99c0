import { describe, expect, it } from "vitest";
import { lastCompleteWeek } from "./iso-week";

describe("lastCompleteWeek", () => {
  it.each([
    ["2026-11-30T00:30:00Z", "2026-W48"], // Monday: the week that ended last night
    ["2026-11-29T23:59:59Z", "2026-W47"], // Sunday night: W48 has not ended yet
    ["2026-12-03T12:00:00Z", "2026-W48"],
    ["2027-01-04T00:30:00Z", "2026-W53"], // 2026 has 53 ISO weeks
    ["2026-01-05T00:30:00Z", "2026-W01"], // W01 of 2026 began on Monday 2025-12-29
    ["2021-01-04T00:30:00Z", "2020-W53"],
    ["2019-12-30T09:00:00Z", "2019-W52"], // 2019-12-30 is already in 2020-W01
    ["2020-01-06T00:00:00Z", "2020-W01"],
  ])("at %s is %s", (now, week) => {
    expect(lastCompleteWeek(new Date(now))).toBe(week);
  });
});
