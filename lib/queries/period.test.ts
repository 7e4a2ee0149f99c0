import { describe, expect, it } from "vitest";
import { periodDays, periodOf, shiftDay } from "./period";

describe("period", () => {
  it.each([
    ["7", 7],
    ["30", 30],
    ["90", 90],
    [undefined, 30],
    ["bogus", 30],
    ["31", 30],
    ["07", 7],
    [["7", "90"], 30],
  ])("?days=%j reads as %i", (value, days) => {
    expect(periodDays(value)).toBe(days);
  });

  it("covers the last N days including today, and the N days before for the change", () => {
    const p = periodOf(7, "2026-12-01");
    expect(p).toMatchObject({ from: "2026-11-25", to: "2026-12-01", previous: { from: "2026-11-18", to: "2026-11-24" } });
    expect(p.label).toBe("last 7 days (Nov 25 – Dec 1, UTC)");
  });

  it("crosses years", () => {
    expect(periodOf(30, "2027-01-10").from).toBe("2026-12-12");
    expect(shiftDay("2028-02-28", 1)).toBe("2028-02-29");
  });
});
