import { describe, expect, it } from "vitest";
import { DEFAULTS } from "../schemas/settings";
import { dueTimes } from "./due";

const at = (iso: string) => new Date(iso);

describe("due times of the default schedules (UTC)", () => {
  it.each([
    [DEFAULTS.analyzeSchedule, "2026-11-20T13:59:59Z", "2026-11-20T12:00:00Z", "2026-11-20T18:00:00Z"],
    [DEFAULTS.analyzeSchedule, "2026-11-20T12:00:00Z", "2026-11-20T12:00:00Z", "2026-11-20T18:00:00Z"], // due this very moment
    [DEFAULTS.reportSchedule, "2026-12-01T10:00:00Z", "2026-11-30T00:30:00Z", "2026-12-07T00:30:00Z"], // Monday 00:30
    [DEFAULTS.reportSchedule, "2026-11-30T00:29:59Z", "2026-11-23T00:30:00Z", "2026-11-30T00:30:00Z"],
    [DEFAULTS.cleanupSchedule, "2026-12-01T02:00:00Z", "2026-11-01T03:00:00Z", "2026-12-01T03:00:00Z"], // the 1st, 03:00
  ])("%s at %s: last %s, next %s", (schedule, now, last, next) => {
    expect(dueTimes(schedule, at(now))).toEqual({ lastDue: at(last), nextDue: at(next) });
  });

  it("has no due times for an expression that is not a schedule", () => {
    expect(dueTimes("every tuesday", at("2026-11-20T00:00:00Z"))).toEqual({ lastDue: null, nextDue: null });
  });
});
