import { describe, expect, it } from "vitest";
import { formatInZone } from "./local-time";

describe("formatInZone", () => {
  it.each([
    ["UTC", "2026-12-01 10:44:43 UTC"],
    ["America/New_York", "2026-12-01 05:44:43 EST"],
    ["Asia/Kolkata", "2026-12-01 16:14:43 GMT+5:30"],
  ])("shows a moment in %s", (zone, expected) => {
    expect(formatInZone(new Date("2026-12-01T10:44:43Z"), zone)).toBe(expected);
  });

  it("crosses midnight into the next day where the zone is ahead", () => {
    expect(formatInZone(new Date("2026-12-01T23:30:00Z"), "Asia/Tokyo")).toBe("2026-12-02 08:30:00 GMT+9");
  });
});
