// AUTO-007 on planted daily runs across 200 seeds (pure functions, no database): a 3 % → 30 % shift that
// started 10–20 days ago at 2–4 runs a day is flagged, stable patterns at 2–18 % are not, and on many
// stable series of every rate and volume at most 1 in 1,000 is flagged by chance. The wider sweep with
// its table per cell is `npm run bench:degradation`.
import { describe, expect, it } from "vitest";
import { assessedDaily, simulateDailySeries, type RunsPerDay } from "../simulate/degradation-series";
import { createRandom } from "../simulate/random";
import { assessDegradation } from "./evolution";

const TODAY = "2026-11-25";
const DAY = 86_400_000;
const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);
const dayAgo = (n: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - n * DAY).toISOString().slice(0, 10);

describe("planted degradations across 200 seeds", () => {
  const shifted = SEEDS.map((seed) => {
    const r = createRandom(seed);
    const startedAgo = r.int(10, 20);
    const series = simulateDailySeries(r, { days: 70, runsPerDay: { uniform: [2, 4] }, failureRate: 0.03, change: { daysAgo: startedAgo, failureRate: 0.3 } }, TODAY);
    return { startedAgo, once: assessDegradation(series, TODAY, { degrading: false }), daily: assessedDaily(series, TODAY, 28) };
  });
  const stable = SEEDS.map((seed) => {
    const r = createRandom(100_000 + seed);
    const series = simulateDailySeries(r, { days: 70, runsPerDay: { uniform: [2, 4] }, failureRate: 0.02 + r.next() * 0.16 }, TODAY);
    return { once: assessDegradation(series, TODAY, { degrading: false }), daily: assessedDaily(series, TODAY, 28) };
  });
  const share = (xs: boolean[]) => xs.filter(Boolean).length / xs.length;

  it("flags ≥ 90 % of 3 % → 30 % shifts that started 10–20 days ago when assessed as the analysis run does, and dates them within days", () => {
    const once = share(shifted.map((s) => s.once.degrading));
    const daily = share(shifted.map((s) => s.daily.end.degrading));
    const dateError = shifted.filter((s) => s.once.degrading).map((s) => Math.abs(Date.parse(s.once.since!) - Date.parse(dayAgo(s.startedAgo))) / DAY);
    const meanError = dateError.reduce((a, b) => a + b, 0) / dateError.length;
    console.log(`3 % → 30 %, 10–20 days ago, 2–4 runs a day, 200 seeds: flagged ${(once * 100).toFixed(1)} % assessed once today, ${(daily * 100).toFixed(1)} % assessed daily for 28 days; since the planted day ± ${meanError.toFixed(1)} days on average`);
    expect(daily).toBeGreaterThanOrEqual(0.9);
    expect(once).toBeGreaterThanOrEqual(0.85); // one look at today's window alone: the weaker figure, kept from sliding
    expect(meanError).toBeLessThan(2);
  });

  it("flags ≤ 1 % of stable patterns at 2–18 % failures", () => {
    const once = share(stable.map((s) => s.once.degrading));
    const ever = share(stable.map((s) => s.daily.ever));
    console.log(`stable at 2–18 %, 2–4 runs a day, 200 seeds: flagged ${(once * 100).toFixed(1)} % assessed once, ${(ever * 100).toFixed(1)} % ever in 28 daily assessments`);
    expect(once).toBeLessThanOrEqual(0.01);
    // assessed 28 times, a stable pattern has 28 chances: the figure is higher, and kept from growing
    expect(ever).toBeLessThanOrEqual(0.03);
  });
});

describe("false alarms on stable patterns of every rate and volume", () => {
  it("at most 1 in 1,000 of 24,000 stable series is flagged by one assessment", () => {
    const RATES = [0.005, 0.02, 0.05, 0.1, 0.18, 0.3];
    const VOLUMES: RunsPerDay[] = [{ poisson: 1 }, { uniform: [2, 4] }, { uniform: [5, 15] }, { uniform: [20, 60] }];
    const PER_CELL = 1000;
    const r = createRandom(424_242);
    let flagged = 0;
    let series = 0;
    for (const failureRate of RATES) {
      for (const runsPerDay of VOLUMES) {
        for (let i = 0; i < PER_CELL; i++) {
          const days = r.chance(0.5) ? 84 : r.int(21, 83); // full windows and patterns newer than the window
          if (assessDegradation(simulateDailySeries(r, { days, runsPerDay, failureRate }, TODAY), TODAY, { degrading: false }).degrading) flagged++;
          series++;
        }
      }
    }
    console.log(`stable series flagged: ${flagged} of ${series} (${((flagged / series) * 1000).toFixed(2)} per 1,000)`);
    expect(flagged / series).toBeLessThanOrEqual(0.001);
  }, 60_000);
});
