import { describe, expect, it } from "vitest";
import { daysOfWeek, isoWeekOf, lastCompleteWeek, parseIsoWeek, shiftWeek, weeksInYear } from "./iso-week";

describe("ISO weeks", () => {
  it.each([
    ["2026-W01", "2025-12-29T00:00:00.000Z"],
    ["2026-W48", "2026-11-23T00:00:00.000Z"],
    ["2026-W53", "2026-12-28T00:00:00.000Z"],
    ["2027-W01", "2027-01-04T00:00:00.000Z"],
    ["2021-W01", "2021-01-04T00:00:00.000Z"],
  ])("%s starts on %s and lasts seven days", (week, monday) => {
    const { from, to } = parseIsoWeek(week);
    expect(from.toISOString()).toBe(monday);
    expect(to.getTime() - from.getTime()).toBe(7 * 86_400_000);
    expect(isoWeekOf(from)).toBe(week);
    expect(isoWeekOf(new Date(to.getTime() - 1))).toBe(week);
  });

  it.each(["2026-48", "2026-W4", "2026-W00", "2027-W53", "W48", "2026-w48x", ""])("refuses %j with a message naming it", (bad) => {
    expect(() => parseIsoWeek(bad)).toThrow(/ISO week|has weeks/);
  });

  it("knows long years", () => {
    expect(weeksInYear(2026)).toBe(53);
    expect(weeksInYear(2027)).toBe(52);
    expect(weeksInYear(2020)).toBe(53);
  });

  it("shifts across years and gives the last complete week", () => {
    expect(shiftWeek("2027-W01", -1)).toBe("2026-W53");
    expect(shiftWeek("2026-W53", 1)).toBe("2027-W01");
    expect(lastCompleteWeek(new Date("2026-11-30T00:30:00Z"))).toBe("2026-W48"); // Monday: the week that just ended
    expect(lastCompleteWeek(new Date("2026-11-29T23:59:59Z"))).toBe("2026-W47"); // Sunday: W48 is not over yet
    expect(daysOfWeek("2026-W48")).toEqual(["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"]);
  });
});
