// The failure-side detectors over simulated telemetry with planted truth: precision and recall for
// self-healing fixes, quarantines and degradation flags, over several seeds, printed so they can be quoted.
import { describe, expect, it } from "vitest";
import { OUTAGE_SOURCE, simulateFailureScenarios, toFacts, type FailureTruth } from "../simulate/failure-scenarios";
import { assessPattern, recurringErrors, tallyErrors } from "./anti-patterns";
import { decideFix, joinRetries, tallyRetries } from "./error-recovery";
import { assessDegradation, dailyTotals, type DegradationState } from "./evolution";
import { detectOutages, duringOutage } from "./outages";
import { DEFAULT_SETTINGS, type ExecutionFact, type PatternHealth } from "./types";

const S = DEFAULT_SETTINGS;
const NOW = Date.UTC(2026, 10, 25, 9, 30);
const DAY = 86_400_000;
// PLANTED_SEEDS=100 widens the sweep (docs/failure-detectors.md quotes one); CI runs the first five.
const SEEDS = Array.from({ length: Number(process.env.PLANTED_SEEDS ?? 5) }, (_, i) => i + 1);

interface Score { precision: number; recall: number; tp: number; fp: number; fn: number }
/** Precision over the planted negatives (ids in neither list are "either is right" and not scored). */
function score(predicted: Set<string>, positives: string[], negatives: string[]): Score {
  const tp = positives.filter((id) => predicted.has(id)).length;
  const fp = negatives.filter((id) => predicted.has(id)).length;
  const fn = positives.length - tp;
  return { precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: positives.length === 0 ? 1 : tp / positives.length, tp, fp, fn };
}
const fixId = (f: { errorKey: string; fix: string }) => `${f.errorKey}/${f.fix}`;

function byPattern(facts: ExecutionFact[]): Map<string, ExecutionFact[]> {
  const m = new Map<string, ExecutionFact[]>();
  for (const f of facts) {
    if (f.patternId === null) continue;
    const list = m.get(f.patternId);
    if (list) list.push(f);
    else m.set(f.patternId, [f]);
  }
  return m;
}

/**
 * The degradation state machine as the analysis run drives it, state carried: assessed once a week up to
 * today, as the telemetry of failure-side.db.test.ts arrives (degradation-sim.test.ts assesses daily).
 */
function degradationHistory(runs: ExecutionFact[], firstDay: number, lastDay: number): boolean[] {
  const daily = dailyTotals(runs);
  const states: boolean[] = [];
  let state: DegradationState = { degrading: false };
  for (let t = lastDay - Math.floor((lastDay - firstDay) / (7 * DAY)) * 7 * DAY; t <= lastDay; t += 7 * DAY) {
    const a = assessDegradation(daily, new Date(t).toISOString().slice(0, 10), state);
    state = { degrading: a.degrading, since: a.since, before: a.before };
    states.push(a.degrading);
  }
  return states;
}

function evaluate(seed: number) {
  const { events, truth } = simulateFailureScenarios({ seed, now: NOW });
  const facts = toFacts(events);

  const tallies = tallyRetries(joinRetries(facts));
  const fixDecisions = tallies.map((t) => ({ id: fixId(t), d: decideFix(t, { autoApply: false }, S) }));
  const selfHeal = score(new Set(fixDecisions.filter((x) => x.d.selfHeal).map((x) => x.id)), truth.selfHealFixes.map(fixId), truth.notSelfHealFixes.map(fixId));
  const autoApply = score(new Set(fixDecisions.filter((x) => x.d.autoApply).map((x) => x.id)), truth.autoApplyFixes.map(fixId), truth.notAutoApplyFixes.map(fixId));

  const outages = detectOutages(facts);
  const runs = byPattern(facts);
  const health = new Map<string, PatternHealth>();
  const healthNoOutages = new Map<string, PatternHealth>();
  for (const [id, r] of runs) {
    health.set(id, assessPattern(r, { now: NOW, countFrom: null, outages }, S));
    healthNoOutages.set(id, assessPattern(r, { now: NOW, countFrom: null, outages: [] }, S));
  }
  const quarantine = score(new Set([...health].filter(([, h]) => h.quarantine).map(([id]) => id)), truth.quarantined, truth.notQuarantined);

  // outage runs are not the pattern's doing: the daily figures leave them out too
  const today = Math.floor(NOW / DAY) * DAY;
  const firstDay = Math.floor(Math.min(...facts.map((f) => f.startedAt)) / DAY) * DAY + 21 * DAY;
  const history = new Map([...runs].map(([id, r]) => [id, degradationHistory(r.filter((f) => !duringOutage(f, outages)), firstDay, today)]));
  const degrading = score(new Set([...history].filter(([, h]) => h.at(-1)).map(([id]) => id)), truth.degrading, truth.notDegrading);

  return { truth, facts, tallies, outages, health, healthNoOutages, history, selfHeal, autoApply, quarantine, degrading };
}

const results = SEEDS.map((seed) => ({ seed, ...evaluate(seed) }));

describe("planted failure scenarios", () => {
  it("prints the measured precision and recall per seed, and pooled", () => {
    const fmt = (s: Score) => `${s.precision.toFixed(3)} / ${s.recall.toFixed(3)} (${s.tp} tp, ${s.fp} fp, ${s.fn} fn)`;
    const pool = (pick: (r: (typeof results)[number]) => Score): Score => {
      const [tp, fp, fn] = results.reduce(([a, b, c], r) => [a + pick(r).tp, b + pick(r).fp, c + pick(r).fn], [0, 0, 0]);
      return { tp, fp, fn, precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1) };
    };
    const kinds = (r: (typeof results)[number]) =>
      [...r.truth.broken.map((id) => r.health.get(id)!.classification === "broken"), ...r.truth.flaky.map((id) => r.health.get(id)!.classification === "flaky")];
    const classified = (r: (typeof results)[number]) => `${kinds(r).filter(Boolean).length}/${kinds(r).length}`;
    console.log(
      ["seed | self-heal P / R | auto-apply P / R | quarantine P / R | degrading P / R | broken+flaky right | outage windows", "---|---|---|---|---|---|---"]
        .concat(results.map((r) => `${r.seed} | ${fmt(r.selfHeal)} | ${fmt(r.autoApply)} | ${fmt(r.quarantine)} | ${fmt(r.degrading)} | ${classified(r)} | ${r.outages.length}`))
        .concat(`pooled | ${fmt(pool((r) => r.selfHeal))} | ${fmt(pool((r) => r.autoApply))} | ${fmt(pool((r) => r.quarantine))} | ${fmt(pool((r) => r.degrading))} | ` +
          `${results.reduce((k, r) => k + kinds(r).filter(Boolean).length, 0)}/${results.reduce((k, r) => k + kinds(r).length, 0)} | ` +
          `${results.reduce((k, r) => k + r.outages.length, 0)}`)
        .join("\n"),
    );
    expect(results).toHaveLength(SEEDS.length);
  });

  it.each(results.map((r) => [r.seed, r] as const))("seed %d: precision ≥ 0.95 and recall ≥ 0.90 for self-heal, quarantine and degradation", (_seed, r) => {
    for (const s of [r.selfHeal, r.quarantine, r.degrading]) {
      expect(s.tp + s.fn).toBeGreaterThanOrEqual(5); // enough planted cases for the figures to mean something
      expect(s.precision).toBeGreaterThanOrEqual(0.95);
      expect(s.recall).toBeGreaterThanOrEqual(0.9);
    }
  });

  it.each(results.map((r) => [r.seed, r] as const))("seed %d: reliable fixes are auto-applied, failing or barely tried ones never", (_seed, r) => {
    expect(r.autoApply.fp).toBe(0);
    // a fix planted at 97 % sometimes shows 25 of 28 (89 %): rightly not auto-applied, so 0.8, not 0.9
    expect(r.autoApply.recall).toBeGreaterThanOrEqual(0.8);
  });

  it.each(results.map((r) => [r.seed, r] as const))("seed %d: broken and flaky patterns are told apart", (_seed, r) => {
    expect(r.truth.broken.map((id) => r.health.get(id)!.classification)).toEqual(r.truth.broken.map(() => "broken"));
    expect(r.truth.flaky.map((id) => r.health.get(id)!.classification)).toEqual(r.truth.flaky.map(() => "flaky"));
    const sparse = r.truth.patterns.filter((p) => p.kind === "sparse").map((p) => r.health.get(p.id)!);
    expect(sparse.every((h) => h.classification === "insufficient" && !h.quarantine)).toBe(true);
  });

  it.each(results.map((r) => [r.seed, r] as const))("seed %d: the planted outage is found and quarantines nobody", (_seed, r) => {
    const planted = r.truth.outages[0]!;
    const found = r.outages.filter((w) => w.source === OUTAGE_SOURCE && w.start < planted.end && w.end > planted.start);
    expect(found.length).toBeGreaterThan(0);
    expect(r.outages.filter((w) => !found.includes(w))).toEqual([]); // no outage where none was planted
    const burst = r.facts.filter((f) => f.source === OUTAGE_SOURCE && f.patternId !== null && f.startedAt >= planted.start && f.startedAt < planted.end);
    expect(burst.filter((f) => duringOutage(f, r.outages)).length / burst.length).toBeGreaterThanOrEqual(0.9);
    const healthyHit = planted.patternIds.filter((id) => r.truth.notQuarantined.includes(id));
    expect(healthyHit.length).toBeGreaterThan(0);
    expect(healthyHit.filter((id) => r.health.get(id)!.quarantine)).toEqual([]);
    // the check has teeth: counted as the patterns' own failures, the outage would have quarantined them
    expect(healthyHit.filter((id) => r.healthNoOutages.get(id)!.quarantine).length).toBeGreaterThan(0);
  });

  it.each(results.map((r) => [r.seed, r] as const))("seed %d: the recovering pattern was flagged and then cleared", (_seed, r) => {
    for (const id of r.truth.recovering) {
      const h = r.history.get(id)!;
      expect(h.some(Boolean)).toBe(true);
      expect(h.at(-1)).toBe(false);
    }
  });

  it.each(results.map((r) => [r.seed, r] as const))("seed %d: every planted error kind recurs under one signature; one-offs do not", (_seed, r) => {
    const recurring = new Set(recurringErrors(tallyErrors(r.facts)).map((e) => e.errorKey));
    expect(r.truth.recurringErrorKeys.filter((k) => !recurring.has(k))).toEqual([]);
    expect(r.truth.oneOffErrorKeys.filter((k) => recurring.has(k))).toEqual([]);
  });

  it("the truth is not trivial: each planted class is present", () => {
    const t: FailureTruth = results[0]!.truth;
    expect(t.patterns.length).toBeGreaterThanOrEqual(38);
    expect([t.selfHealFixes, t.notSelfHealFixes, t.broken, t.flaky, t.degrading, t.notDegrading, t.recovering].every((l) => l.length > 0)).toBe(true);
  });
});
