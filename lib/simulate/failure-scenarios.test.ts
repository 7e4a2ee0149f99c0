// The simulator itself: deterministic per seed, valid events, error kinds that group under one
// signature each, and planted behaviour that matches the truth it reports.
import { describe, expect, it } from "vitest";
import { errorSignature, signatureKey } from "../signature";
import { executionEventSchema } from "../telemetry/event-schema";
import { ERROR_KINDS, OUTAGE_SOURCE, simulateFailureScenarios, toFacts } from "./failure-scenarios";
import { createRandom } from "./random";

const NOW = Date.UTC(2026, 10, 25, 9, 30);
const sim = simulateFailureScenarios({ seed: 11, now: NOW });

describe("simulateFailureScenarios", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    expect(simulateFailureScenarios({ seed: 11, now: NOW })).toEqual(sim);
    expect(simulateFailureScenarios({ seed: 12, now: NOW }).events).not.toEqual(sim.events);
  });

  it("produces valid, uniquely identified events, sorted and before now", () => {
    const ids = new Set(sim.events.map((e) => e.id));
    expect(ids.size).toBe(sim.events.length);
    for (const e of sim.events) {
      expect(executionEventSchema.safeParse(e).success).toBe(true);
      expect(Date.parse(e.startedAt)).toBeLessThan(NOW);
      if (e.retryOf) expect(ids.has(e.retryOf)).toBe(true);
      expect(e.success).toBe(e.error === undefined);
    }
    const times = sim.events.map((e) => e.startedAt);
    expect(times).toEqual([...times].sort());
  });

  it("each error kind varies its values but keeps one signature; kinds do not collide", () => {
    const r = createRandom(5);
    const keys = Object.entries(ERROR_KINDS).map(([name, k]) => {
      const messages = Array.from({ length: 300 }, () => k.make(r));
      expect(new Set(messages).size, name).toBeGreaterThan(50);
      const found = new Set(messages.map((m) => signatureKey(errorSignature(m))));
      expect([...found], name).toHaveLength(1);
      return [...found][0];
    });
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("plants what the truth says", () => {
    const facts = toFacts(sim.events);
    const runsOf = (id: string) => facts.filter((f) => f.patternId === id);
    for (const p of sim.truth.patterns.filter((x) => x.kind === "broken")) {
      const after = runsOf(p.id).filter((f) => f.startedAt >= p.changeAt!);
      expect(after.length).toBeGreaterThanOrEqual(5);
      expect(after.every((f) => !f.success)).toBe(true);
    }
    for (const p of sim.truth.patterns.filter((x) => x.kind === "sparse")) expect(runsOf(p.id).length).toBeLessThanOrEqual(8);
    const [outage] = sim.truth.outages;
    const during = facts.filter((f) => f.source === OUTAGE_SOURCE && f.patternId !== null && f.startedAt >= outage!.start && f.startedAt < outage!.end);
    expect(during.length).toBeGreaterThan(100);
    expect(during.every((f) => !f.success)).toBe(true);
  });

  it("truth lists are disjoint where they must be and name planted things", () => {
    const t = sim.truth;
    const ids = new Set(t.patterns.map((p) => p.id));
    const disjoint = (a: string[], b: string[]) => expect(a.filter((x) => b.includes(x))).toEqual([]);
    disjoint(t.quarantined, t.notQuarantined);
    disjoint(t.degrading, t.notDegrading);
    disjoint(t.broken, t.flaky);
    for (const id of [...t.quarantined, ...t.notQuarantined, ...t.degrading, ...t.notDegrading]) expect(ids.has(id)).toBe(true);
    const fix = (f: { errorKey: string; fix: string }) => `${f.errorKey}/${f.fix}`;
    disjoint(t.selfHealFixes.map(fix), t.notSelfHealFixes.map(fix));
    expect(new Set(t.fixes.map(fix)).size).toBe(t.fixes.length);
  });

  it("toFacts keys failed runs by signature and keeps the event's id and order", () => {
    const facts = toFacts(sim.events);
    expect(facts.map((f) => f.id)).toEqual(sim.events.map((e) => e.id));
    expect(facts.every((f, i) => f.seq === i)).toBe(true);
    const failed = facts.find((f) => !f.success)!;
    expect(failed.errorKey).toBe(signatureKey(errorSignature(sim.events[failed.seq]!.error!.message)));
    expect(facts.filter((f) => f.success).every((f) => f.errorKey === null)).toBe(true);
  });
});
