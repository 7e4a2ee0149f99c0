// What exec prints around a run: the suggestion (only a pattern of this very operation), and the known
// fixes with their records when no recipe runs. Telemetry text is flattened to one line.
import { describe, expect, it, test } from "vitest";
import { WEIGHTS } from "../detectors/suggest";
import { fixesReport, pickSuggestion, suggestionLine, type KnownFix } from "./heal-messages";

const exact = { operation: WEIGHTS.exactOperation };

describe("pickSuggestion", () => {
  test.each([
    ["the best row is a pattern of this operation", [{ patternId: "p1", name: "Deploy", parts: exact, uses: 14, successRate: 0.96 }], "p1"],
    ["the best pattern only shares words with it", [{ patternId: "p1", parts: { operation: 0.2 } }], null],
    ["a fix comes first: the best pattern still counts", [{ fix: "restart" } as object, { patternId: "p2", parts: exact }], "p2"],
    ["nothing matches", [], null],
  ])("%s → %s", (_name, rows, id) => {
    expect(pickSuggestion(rows)?.patternId ?? null).toBe(id);
  });
});

describe("suggestionLine", () => {
  it("names the pattern with its runs and success rate", () => {
    expect(suggestionLine({ patternId: "deploy-api", name: "Deploy API", uses: 14, successRate: 0.96 })).toBe(
      'this looks like pattern deploy-api ("Deploy API"), 14 runs, 96 % successful; add --pattern deploy-api to record it as one of its runs',
    );
    expect(suggestionLine({ patternId: "p", name: "p", uses: 1, successRate: 1 })).toContain("pattern p, 1 run, 100 % successful");
    expect(suggestionLine({ patternId: "p", name: "p", uses: 0, successRate: null })).toContain("no runs recorded as it yet");
  });

  it("keeps a name from the database on one line, without terminal escapes", () => {
    const line = suggestionLine({ patternId: "p", name: "evil\u001b[2J\nname", uses: 1, successRate: 1 });
    expect(line).not.toMatch(/[\u0000-\u001f]/);
  });
});

const known = (over: Partial<KnownFix> = {}): KnownFix => ({
  fix: "install httpx", attempts: 20, successes: 19, successRate: 0.95, interval: { low: 0.764, high: 0.991 }, autoApply: true,
  recipe: { status: "awaiting_approval", command: null, runs: false }, ...over,
});

describe("fixesReport", () => {
  it("says why nothing ran, then the fixes best first with their records and recipe states", () => {
    const lines = fixesReport([known(), known({ fix: "restart db", successes: 3, attempts: 6, successRate: 0.5, interval: { low: 0.19, high: 0.81 }, autoApply: false, recipe: null, match: "similar" })], "the reason");
    expect(lines).toEqual([
      "not healed: the reason",
      "known fixes for this error, best first:",
      "  1. install httpx: 19 of 20 succeeded, 95 %, 95 % interval 0.76–0.99, auto-apply; recipe awaiting approval",
      "  2. restart db: 3 of 6 succeeded, 50 %, 95 % interval 0.19–0.81; no command, learned for a similar error",
    ]);
  });

  it("shows at most five and says how many more", () => {
    const lines = fixesReport(Array.from({ length: 7 }, (_, i) => known({ fix: `f${i}` })), "x");
    expect(lines).toHaveLength(2 + 5 + 1);
    expect(lines.at(-1)).toContain("and 2 more");
  });
});
