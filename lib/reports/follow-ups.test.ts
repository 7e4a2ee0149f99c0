import { describe, expect, it } from "vitest";
import { followUps, type FollowUpContext } from "./follow-ups";
import type { WeeklyReportData } from "./types";

const previous = {
  opportunities: [
    { family: "f1", groupKey: "g1", operation: "rotate_logs", runs: 6, hours: 1.5, candidateId: null },
    { family: "f2", groupKey: "g2", operation: "sync_docs", runs: 4, hours: 1, candidateId: null },
  ],
  statusChanges: [
    { patternId: "p-deg", name: "Deg", change: "degrading", since: "2026-11-10T00:00:00Z", rateBefore: 0.95, rateAfter: 0.7 },
    { patternId: "p-q", name: "Q", change: "quarantined", since: "2026-11-11T00:00:00Z", rateBefore: 0.9, rateAfter: 0.2 },
  ],
  missedUses: [{ patternId: "p-new", name: "New", runs: 5, hoursSaved: 1, sources: [], candidateId: "c0" }],
} as unknown as WeeklyReportData;

const ctx: FollowUpContext = {
  adHocRuns: new Map([["g2", { runs: 3, durationMs: 3_600_000 }]]),
  candidates: new Map([["g1", { id: "c1", status: "approved", patternId: "p-new" }]]),
  patterns: new Map([
    ["p-new", { name: "New", status: "active", degrading: false }],
    ["p-deg", { name: "Deg", status: "active", degrading: false }],
    ["p-q", { name: "Q", status: "quarantined", degrading: false }],
  ]),
  usesNow: new Map([["p-new", { uses: 9, successRate: 1 }], ["p-deg", { uses: 10, successRate: 0.9 }]]),
  usesBefore: new Map([["p-deg", { uses: 10, successRate: 0.7 }]]),
  missedNow: new Map(),
};

describe("follow-ups on last week's report", () => {
  it("says what became of each recommendation, with its numbers", () => {
    const out = followUps(previous, ctx);
    expect(out).toEqual([
      { kind: "opportunity", subject: "rotate_logs", outcome: 'became the pattern "New"', effect: "9 runs through the pattern; 0 ad-hoc runs (0.0 h) this week, against 6 (1.5 h) last week" },
      { kind: "opportunity", subject: "sync_docs", outcome: "still done by hand", effect: "3 ad-hoc runs (1.0 h) this week, against 4 (1.0 h) last week" },
      { kind: "degrading", subject: "Deg", outcome: "recovered", effect: "70.0 % success over 10 runs last week → 90.0 % success over 10 runs this week" },
      { kind: "quarantined", subject: "Q", outcome: "still quarantined", effect: "no runs last week → no runs this week" },
      { kind: "missed-use", subject: "New", outcome: "no ad-hoc runs bypassed it this week", effect: "0 ad-hoc runs this week against 5 last week; pattern runs 0 → 9" },
    ]);
  });

  it("has nothing to follow without a stored report", () => {
    expect(followUps(null, ctx)).toEqual([]);
  });
});
