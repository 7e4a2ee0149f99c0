import { describe, expect, it } from "vitest";
import { previewSettingsChange, type PreviewFacts } from "./settings-preview";
import { DEFAULT_SETTINGS, type ExecutionFact } from "./types";

const NOW = Date.parse("2026-11-25T12:00:00Z");
const HOUR = 3_600_000;
const runs = (patternId: string, count: number, failEvery: number): ExecutionFact[] =>
  Array.from({ length: count }, (_, i) => ({
    seq: i, id: `${patternId}-${i}`, patternId, operation: "op", startedAt: NOW - (count - i) * HOUR, durationMs: 1, success: i % failEvery !== 0,
    errorKey: null, errorSignature: null, retryOf: null, fix: null, source: "ci", inputs: null,
  }));
const facts = (over: Partial<PreviewFacts>): PreviewFacts => ({ now: NOW, outages: [], patterns: [], candidates: [], fixes: [], ...over });
const pattern = (patternId: string, failEvery: number, status = "active", registryStatus: string | null = null) => ({
  patternId, name: patternId, status, registryStatus, countFrom: null, runs: runs(patternId, 30, failEvery),
});

describe("previewSettingsChange", () => {
  it("lists nothing when nothing changes", () => {
    expect(previewSettingsChange(facts({ patterns: [pattern("a", 3)] }), DEFAULT_SETTINGS, DEFAULT_SETTINGS)).toEqual([]);
  });

  it.each([
    ["a lower line quarantines", pattern("a", 3), { autoQuarantineFailureRate: 0.3 }, "quarantined"],
    ["a lower line in gentle mode proposes", pattern("a", 3), { autoQuarantineFailureRate: 0.3, aggressiveMode: false }, "proposed-quarantine"],
    ["a higher line releases a held quarantine", pattern("b", 2, "quarantined", "quarantined"), { autoQuarantineFailureRate: 0.6 }, "released"],
    ["a higher line spares one not yet acted on", pattern("b", 2), { autoQuarantineFailureRate: 0.6 }, "not-quarantined"],
  ])("%s", (_, p, change, kind) => {
    const out = previewSettingsChange(facts({ patterns: [p] }), DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, ...change });
    expect(out.map((c) => c.kind)).toEqual([kind]);
  });

  it("turning aggressive mode on applies proposed quarantines", () => {
    const gentle = { ...DEFAULT_SETTINGS, aggressiveMode: false };
    const out = previewSettingsChange(facts({ patterns: [pattern("b", 2, "active", "proposed")] }), gentle, DEFAULT_SETTINGS);
    expect(out.map((c) => [c.kind, c.target.id])).toEqual([["quarantined", "b"]]);
  });

  it("an archived pattern is never listed", () => {
    expect(previewSettingsChange(facts({ patterns: [pattern("a", 3, "archived")] }), DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, autoQuarantineFailureRate: 0.3 })).toEqual([]);
  });

  it("a fix at 19 of 20 gains auto-apply at a lower rate", () => {
    const fix = { id: "f", signature: "s", fix: "retry", attempts: 20, successes: 19, failStreak: 0, autoApply: false };
    const out = previewSettingsChange(facts({ fixes: [fix] }), { ...DEFAULT_SETTINGS, autoApplySuccessRate: 0.97 }, DEFAULT_SETTINGS);
    expect(out.map((c) => c.kind)).toEqual(["auto-apply"]);
  });
});
