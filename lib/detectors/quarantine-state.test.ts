import { describe, expect, it } from "vitest";
import { isJudged, quarantineTransition, type RegistryEntryState } from "./quarantine-state";

const failing = { quarantine: true, classification: "broken" as const, failureRate: 0.6 };
const healthy = { quarantine: false, classification: "healthy" as const, failureRate: 0.02 };
const entry = (status: string, over: Partial<RegistryEntryState> = {}): RegistryEntryState => ({ status, classification: "broken", failureRate: 0.6, ...over });

describe("quarantineTransition", () => {
  it.each([
    // health, entry, aggressive → write, status, audit, quarantine the pattern
    ["failing, new, aggressive", failing, null, true, { write: true, status: "quarantined", audit: "quarantine.apply", quarantinePattern: true }],
    ["failing, new, cautious", failing, null, false, { write: true, status: "proposed", audit: "quarantine.propose", quarantinePattern: false }],
    ["failing, monitored, aggressive", failing, entry("monitoring"), true, { write: true, status: "quarantined", audit: "quarantine.apply", quarantinePattern: true }],
    ["failing, already proposed, cautious: nothing new", failing, entry("proposed"), false, { write: false, status: "proposed", audit: null, quarantinePattern: false }],
    ["failing, proposed, aggressive now", failing, entry("proposed"), true, { write: true, status: "quarantined", audit: "quarantine.apply", quarantinePattern: true }],
    ["failing, lifted before: quarantined anew", failing, entry("lifted"), true, { write: true, status: "quarantined", audit: "quarantine.apply", quarantinePattern: true }],
    ["failing, quarantined: holds", failing, entry("quarantined"), true, { write: false, status: "quarantined", audit: null, quarantinePattern: false }],
    ["healthy, no entry: none made", healthy, null, true, { write: false, status: "monitoring", audit: null, quarantinePattern: false }],
    ["healthy, entry reads the same", healthy, entry("monitoring", { classification: "healthy", failureRate: 0.025 }), true, { write: false, status: "monitoring", audit: null, quarantinePattern: false }],
    ["healthy, entry's rate moved by 1 point or more", healthy, entry("monitoring", { classification: "healthy", failureRate: 0.04 }), true, { write: true, status: "monitoring", audit: null, quarantinePattern: false }],
    ["healthy again, proposed entry keeps its status", healthy, entry("proposed"), false, { write: true, status: "proposed", audit: null, quarantinePattern: false }],
  ] as const)("%s", (_name, health, before, aggressive, expected) => {
    expect(quarantineTransition(health, before, "active", aggressive)).toMatchObject(expected);
  });

  it("a pattern quarantined by hand holds, whatever its entry says", () => {
    expect(quarantineTransition(failing, entry("monitoring"), "quarantined", true)).toMatchObject({ act: false, changed: false, audit: null, quarantinePattern: false });
  });
});

describe("isJudged", () => {
  it.each([
    [{ kind: "execution", status: "active" }, undefined, true],
    [{ kind: "execution", status: "active" }, "lifted", true],
    [{ kind: "execution", status: "active" }, "quarantined", false],
    [{ kind: "execution", status: "quarantined" }, undefined, false],
    [{ kind: "execution", status: "archived" }, undefined, false],
    [{ kind: "self_heal", status: "active" }, undefined, false],
  ])("%j with entry %s → %s", (pattern, entryStatus, judged) => {
    expect(isJudged(pattern, entryStatus)).toBe(judged);
  });
});
