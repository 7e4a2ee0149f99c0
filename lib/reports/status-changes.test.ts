import { describe, expect, it } from "vitest";
import { sinceText, statusChanges } from "./status-changes";

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

  it("gives a degradation the day its failure rate changed and the runs the flag was raised on", () => {
    const days = [{ patternId: "d", day: "2026-11-20", runs: 10, successes: 10 }]; // not used for a degradation with its figures
    const events = [
      { action: "evolution.degrading", patternId: "d", at: new Date("2026-11-19T12:00:00Z"), degradation: { since: "2026-11-06", before: { runs: 150, failures: 3 }, after: { runs: 40, failures: 12 } } },
      { action: "evolution.degrading", patternId: "old", at: new Date("2026-11-19T12:00:00Z") }, // recorded before the figures were kept
    ];
    const out = statusChanges(events, days, new Map([["d", "Dee"]]), new Date("2026-11-23T00:00:00Z"));
    expect(out[0]).toEqual({ patternId: "d", name: "Dee", change: "degrading", since: "2026-11-06T00:00:00.000Z", rateBefore: 0.98, rateAfter: 0.7 });
    expect(out[1]).toMatchObject({ patternId: "old", change: "degrading", since: "2026-11-19T12:00:00.000Z", rateBefore: null, rateAfter: null });
    expect(sinceText(out[0]!)).toBe("2026-11-06");
    expect(sinceText({ change: "quarantined", since: "2026-11-18T06:00:00.000Z" })).toBe("2026-11-18 06:00");
  });
});
