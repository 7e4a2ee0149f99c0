import { describe, expect, it } from "vitest";
import { statusChanges } from "./status-changes";

describe("status changes", () => {
  it("gives each change with the success rate in the two weeks before and since", () => {
    const days = [
      { patternId: "p", day: "2026-11-05", runs: 10, successes: 10 },
      { patternId: "p", day: "2026-11-17", runs: 10, successes: 9 },
      { patternId: "p", day: "2026-11-18", runs: 10, successes: 2 },
      { patternId: "p", day: "2026-11-20", runs: 10, successes: 4 },
    ];
    const events = [
      { action: "quarantine.apply", patternId: "p", at: new Date("2026-11-18T06:00:00Z") },
      { action: "evolution.recovered", patternId: "q", at: new Date("2026-11-17T06:00:00Z") },
      { action: "candidate.approve", patternId: "p", at: new Date("2026-11-18T06:00:00Z") },
    ];
    const out = statusChanges(events, days, new Map([["p", "Pee"]]), new Date("2026-11-23T00:00:00Z"));
    expect(out).toEqual([
      { patternId: "q", name: "q", change: "recovered", since: "2026-11-17T06:00:00.000Z", rateBefore: null, rateAfter: null },
      { patternId: "p", name: "Pee", change: "quarantined", since: "2026-11-18T06:00:00.000Z", rateBefore: 0.95, rateAfter: 0.3 },
    ]);
  });
});
