import { describe, expect, it } from "vitest";
import type { AdHocCluster } from "./adhoc-clusters";
import { matchClusters, missedUse, opportunities } from "./missed-uses";

const WEEK = new Date("2026-11-16T00:00:00Z");
const cluster = (groupKey: string, runs: number, durationMs: number): AdHocCluster => ({
  groupKey, familyKey: `f-${groupKey}`, keySets: [""], operation: `op_${groupKey}`, runs, durationMs, sources: [{ source: "s1", runs, durationMs }],
});
const patterns = new Map([
  ["p-active", { id: "p-active", name: "Active", status: "active" }],
  ["p-q", { id: "p-q", name: "Quarantined", status: "quarantined" }],
]);

describe("matchClusters", () => {
  it.each([
    ["approved, pattern active → missed use", { status: "approved", patternId: "p-active" }, "matched"],
    ["auto-approved → missed use", { status: "auto_approved", patternId: "p-active" }, "matched"],
    ["approved, pattern quarantined → neither", { status: "approved", patternId: "p-q" }, "none"],
    ["rejected → neither", { status: "rejected", patternId: null }, "none"],
    ["pending → opportunity", { status: "pending", patternId: null }, "uncovered"],
  ])("%s", (_name, c, expected) => {
    const { matched, uncovered } = matchClusters([cluster("g", 3, 1000)], [{ id: "cand", groupKey: "g", decidedAt: new Date("2026-11-01T00:00:00Z"), ...c }], patterns, WEEK);
    expect(matched.length ? "matched" : uncovered.length ? "uncovered" : "none").toBe(expected);
    if (expected === "uncovered") expect(uncovered[0]!.candidateId).toBe("cand");
  });

  it("counts missed runs only from an approval inside the week", () => {
    const decidedAt = new Date("2026-11-18T12:00:00Z");
    const { matched } = matchClusters([cluster("g", 3, 1000)], [{ id: "c", groupKey: "g", status: "approved", patternId: "p-active", decidedAt }], patterns, WEEK);
    expect(matched[0]!.missedFrom).toEqual(decidedAt);
    const { uncovered } = matchClusters([cluster("h", 3, 1000)], [], patterns, WEEK);
    expect(uncovered[0]!.candidateId).toBeNull();
  });
});

describe("missedUse", () => {
  const m = { cluster: cluster("g", 2, 0), candidateId: "c", pattern: patterns.get("p-active")!, missedFrom: null };
  it("saves each run's duration less the pattern's average run, never below zero", () => {
    expect(missedUse(m, [{ source: "a", runs: 2, durationMs: 2 * 3_600_000 }], 1_800_000)!.hoursSaved).toBe(1);
    expect(missedUse(m, [{ source: "a", runs: 2, durationMs: 1000 }], 1_800_000)!.hoursSaved).toBe(0);
    expect(missedUse(m, [{ source: null, runs: 1, durationMs: 1000 }], null)).toMatchObject({ hoursSaved: null, sources: [] });
    expect(missedUse(m, [], 1000)).toBeNull();
  });
});

describe("opportunities", () => {
  it("keeps groups of at least two runs, the most hours first, at most ten", () => {
    const list = [cluster("one", 1, 9e9), cluster("small", 2, 10), cluster("big", 5, 7_200_000), ...Array.from({ length: 12 }, (_, i) => cluster(`x${i}`, 2, 5))];
    const out = opportunities(list.map((c) => ({ cluster: c, candidateId: null })));
    expect(out).toHaveLength(10);
    expect(out[0]).toMatchObject({ groupKey: "big", hours: 2, runs: 5 });
    expect(out.map((o) => o.groupKey)).not.toContain("one");
  });
});
