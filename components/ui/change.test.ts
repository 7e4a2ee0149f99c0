import { describe, expect, it } from "vitest";
import { countChange, formatHours, hoursChange, rateChange } from "./change";

describe("change against the period before", () => {
  it.each([
    [120, 100, "+20 (+20%)", "up"],
    [80, 100, "−20 (−20%)", "down"],
    [100, 100, "±0 (±0)", "flat"],
    [5, 0, "none the period before", "up"],
    [0, 0, "none before either", "flat"],
    [1, 3, "−2 (−66.7%)", "down"],
  ])("count %i vs %i: %s", (current, previous, text, trend) => {
    expect(countChange(current, previous)).toEqual({ text, trend });
  });

  it.each([
    [0.9, 0.85, "+5 pts", "up"],
    [0.8, 0.85, "−5 pts", "down"],
    [0.8, null, "no runs the period before", "flat"],
    [null, 0.8, "no runs in this period", "flat"],
  ])("rate %s vs %s: %s", (current, previous, text, trend) => {
    expect(rateChange(current, previous)).toEqual({ text, trend });
  });

  it("hours, signed, one decimal", () => {
    expect(hoursChange(9_000_000, 1_800_000)).toEqual({ text: "+2 h", trend: "up" });
    expect(hoursChange(0, 5_400_000)).toEqual({ text: "−1.5 h", trend: "down" });
    expect(formatHours(-5_400_000)).toBe("−1.5 h");
    expect(formatHours(36_000_000_000)).toBe("10,000 h");
  });
});
