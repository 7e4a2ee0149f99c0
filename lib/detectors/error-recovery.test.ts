// AUTO-003: tallies from retries, the self-heal and auto-apply boundaries (with hysteresis), ranking.
import fc from "fast-check";
import { describe, expect, it, test } from "vitest";
import { decideFix, foldRetries, joinRetries, rankFixes, tallyRetries } from "./error-recovery";
import { DEFAULT_SETTINGS, type ExecutionFact, type FixTally, type RetryOutcome } from "./types";

const S = DEFAULT_SETTINGS;
const outcome = (errorKey: string, fix: string, success: boolean, at: number): RetryOutcome => ({ errorKey, signature: `sig ${errorKey}`, fix, success, at });

function fact(id: string, over: Partial<ExecutionFact> = {}): ExecutionFact {
  return {
    seq: 0, id, patternId: null, operation: "op", startedAt: 0, durationMs: 1, success: true,
    errorKey: null, errorSignature: null, retryOf: null, fix: null, source: null, inputs: null, ...over,
  };
}

describe("joinRetries", () => {
  it("joins a retry with a fix to the failed run's signature, and skips the rest", () => {
    const facts = [
      fact("a", { success: false, errorKey: "k1", errorSignature: "boom <*>" }),
      fact("b", { retryOf: "a", fix: "restart", success: true, startedAt: 5 }),
      fact("c", { retryOf: "a", success: true }), // no fix: not a lesson
      fact("d", { retryOf: "missing", fix: "restart" }), // retried run unknown
      fact("e", { success: true }),
      fact("f", { retryOf: "e", fix: "restart" }), // retried a success
      fact("g", { retryOf: "a", fix: "restart", success: false, startedAt: 9, errorKey: "k1", errorSignature: "boom <*>" }),
    ];
    expect(joinRetries(facts)).toEqual([
      { errorKey: "k1", signature: "boom <*>", fix: "restart", success: true, at: 5 },
      { errorKey: "k1", signature: "boom <*>", fix: "restart", success: false, at: 9 },
    ]);
  });
});

describe("tallyRetries", () => {
  it("counts per (errorKey, fix) in a stable order, with the failure streak in time order", () => {
    const t = tallyRetries([
      outcome("k2", "b", true, 3),
      outcome("k1", "z", false, 4),
      outcome("k1", "a", false, 9),
      outcome("k1", "a", true, 1),
      outcome("k1", "a", false, 7),
    ]);
    expect(t.map((x) => [x.errorKey, x.fix, x.attempts, x.successes, x.lastAt, x.failStreak])).toEqual([
      ["k1", "a", 3, 1, 9, 2],
      ["k1", "z", 1, 0, 4, 1],
      ["k2", "b", 1, 1, 3, 0],
    ]);
  });

  it("folding in two batches equals tallying all at once", () => {
    const arb = fc.array(fc.record({ k: fc.constantFrom("k1", "k2"), f: fc.constantFrom("x", "y", "z"), s: fc.boolean(), at: fc.integer({ min: 0, max: 1000 }) }));
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 1000 }), (rows, cut) => {
        const all = rows.map((r) => outcome(r.k, r.f, r.s, r.at));
        const early = all.filter((o) => o.at < cut);
        const late = all.filter((o) => o.at >= cut);
        expect(foldRetries(tallyRetries(early), late)).toEqual(tallyRetries(all));
      }),
    );
  });
});

describe("decideFix", () => {
  // [successes, attempts, failStreak, selfHeal, autoApply] for a fix not yet auto-applied
  test.each([
    [2, 2, 0, false, false], // below minSuccessfulFixes (3)
    [3, 3, 0, true, false], // self-heal; lower bound 0.44
    [3, 6, 0, true, false], // exactly 50 %: still a recipe
    [3, 7, 0, false, false], // 43 %: fails more often than it works
    [8, 8, 0, true, false], // lower bound 0.676 < 0.70
    [9, 9, 0, true, true], // lower bound 0.701 ≥ 0.70
    [9, 10, 0, true, false], // rate 0.90 but lower bound 0.596
    [18, 20, 0, true, false], // rate 0.90, lower bound 0.699: just short
    [19, 20, 0, true, true], // lower bound 0.764
    [27, 30, 0, true, true], // rate exactly 0.90, lower bound 0.744
    [26, 30, 0, true, false], // rate 0.867 < 0.90
    [40, 43, 3, true, false], // three failures in a row: not now
  ])("%d of %d (streak %d) → selfHeal %s, autoApply %s", (s, n, streak, selfHeal, autoApply) => {
    const d = decideFix({ successes: s, attempts: n, failStreak: streak }, { autoApply: false }, S);
    expect([d.selfHeal, d.autoApply]).toEqual([selfHeal, autoApply]);
    expect(d.successRate).toBeCloseTo(s / n, 12);
    expect(d.reason).toContain(`${s} of ${n}`);
  });

  // once auto-applied: kept at rate ≥ 0.80, lost below it or at a streak of 3
  test.each([
    [8, 10, 0, true], // 0.80 = 0.90 − 0.10: kept
    [8, 11, 0, false], // 0.727: lost
    [80, 100, 2, true], // two failures in a row: kept
    [80, 100, 3, false], // third in a row: lost
    [100, 103, 3, false], // a long good record does not protect a fix that started failing
    [2, 2, 0, false], // a tally reset below the minimum loses everything
  ])("already auto-applied, %d of %d (streak %d) → keeps it: %s", (s, n, streak, keep) => {
    const d = decideFix({ successes: s, attempts: n, failStreak: streak }, { autoApply: true }, S);
    expect(d.autoApply).toBe(keep);
  });

  it("follows the settings", () => {
    const strict = { ...S, minSuccessfulFixes: 5, autoApplySuccessRate: 0.95 };
    expect(decideFix({ successes: 4, attempts: 4 }, { autoApply: false }, strict).selfHeal).toBe(false);
    expect(decideFix({ successes: 19, attempts: 20 }, { autoApply: false }, strict).autoApply).toBe(true);
    expect(decideFix({ successes: 28, attempts: 30 }, { autoApply: false }, strict).autoApply).toBe(false);
  });

  it("property: one more success never takes a mark away; auto-apply implies self-heal", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), fc.boolean(), (s, f, on) => {
        const a = decideFix({ successes: s, attempts: s + f }, { autoApply: on }, S);
        const b = decideFix({ successes: s + 1, attempts: s + f + 1 }, { autoApply: on }, S);
        if (a.selfHeal) expect(b.selfHeal).toBe(true);
        if (a.autoApply) expect(b.autoApply).toBe(true);
        if (a.autoApply) expect(a.selfHeal).toBe(true);
        expect(a.interval.low).toBeLessThanOrEqual(a.successRate + 1e-12);
      }),
    );
  });

  it("property: hysteresis — anything that gains the mark also keeps it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 5 }), (s, f, streak) => {
        const t = { successes: s, attempts: s + f, failStreak: streak };
        if (decideFix(t, { autoApply: false }, S).autoApply) expect(decideFix(t, { autoApply: true }, S).autoApply).toBe(true);
      }),
    );
  });
});

describe("rankFixes", () => {
  const tally = (fix: string, successes: number, attempts: number): FixTally => ({ errorKey: "k", signature: "s", fix, attempts, successes, lastAt: 0, failStreak: 0 });

  it("ranks by the lower bound, so a long good record beats a short perfect one", () => {
    const ranked = rankFixes([tally("lucky", 2, 2), tally("proven", 40, 42), tally("poor", 3, 10), tally("good", 9, 9)], S);
    expect(ranked.map((r) => r.fix)).toEqual(["proven", "good", "lucky", "poor"]);
    expect(ranked[0]).toMatchObject({ selfHeal: true, autoApply: true, attempts: 42, successes: 40 });
    expect(ranked[0]!.score).toBeCloseTo(ranked[0]!.interval.low, 12);
    expect(ranked[3]).toMatchObject({ selfHeal: false, autoApply: false });
  });

  it("applies hysteresis to the fixes named as auto-applied", () => {
    const t = [tally("a", 17, 20)];
    expect(rankFixes(t, S)[0]!.autoApply).toBe(false);
    expect(rankFixes(t, S, new Set(["a"]))[0]!.autoApply).toBe(true);
  });

  it("breaks ties by successes, then name", () => {
    expect(rankFixes([tally("b", 0, 0), tally("a", 0, 0)], S).map((r) => r.fix)).toEqual(["a", "b"]);
  });
});

describe("the command of a fix (recipes)", () => {
  const withCommand = (at: number, command?: string, success = true): RetryOutcome => ({ ...outcome("k1", "install", success, at), ...(command ? { command } : {}) });

  it("keeps the command of the latest attempt that named one", () => {
    expect(tallyRetries([withCommand(1, "pip install httpx"), withCommand(5, "pip install 'httpx>=0.27'"), withCommand(3, "pip install x")])[0]!.command).toBe("pip install 'httpx>=0.27'");
  });

  it("a later retry without a command does not erase it, and a fix never given one has none", () => {
    expect(tallyRetries([withCommand(1, "pip install httpx"), withCommand(9)])[0]!.command).toBe("pip install httpx");
    expect(tallyRetries([withCommand(1)])[0]!.command).toBeNull();
    expect(foldRetries(tallyRetries([withCommand(1, "a")]), [withCommand(2)])[0]!.command).toBe("a");
    expect(foldRetries(tallyRetries([withCommand(1, "a")]), [withCommand(2, "b")])[0]!.command).toBe("b");
  });

  it("joinRetries carries the retry's command", () => {
    const facts = [fact("a", { success: false, errorKey: "k1", errorSignature: "boom" }), fact("b", { retryOf: "a", fix: "install", fixCommand: "pip install httpx", startedAt: 2 })];
    expect(joinRetries(facts)).toEqual([{ errorKey: "k1", signature: "boom", fix: "install", success: true, at: 2, command: "pip install httpx" }]);
  });
});
