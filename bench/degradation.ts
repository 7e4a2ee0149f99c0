// npm run bench:degradation — AUTO-007's change-point rule on simulated daily runs (no database).
// Default: the false-alarm rate on stable patterns, cell by cell (target ≤ 1 in 1,000 in every cell), and
// how often a planted 3 % → 30 % shift is caught. `-- --calibrate`: recomputes GAIN_THRESHOLDS by placing
// F failures at random among the runs of many runs-per-day layouts (docs/failure-detectors.md).
// Options: --series N (stable series per cell, default 20,000), --perms N (per band and layout, default 20,000).
import type { RunCounts } from "../lib/detectors/change-point";
import { assessDegradation, degradationCandidate, gainThreshold, GAIN_THRESHOLDS } from "../lib/detectors/evolution";
import { assessedDaily, runsOn, simulateDailySeries, type RunsPerDay } from "../lib/simulate/degradation-series";
import { createRandom, type Random } from "../lib/simulate/random";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const TODAY = "2026-11-25";
const DAY = 86_400_000;
const LOOKBACK = 84;
const VOLUMES: Array<[string, RunsPerDay]> = [
  ["Poisson 0.5/day", { poisson: 0.5 }], ["Poisson 1/day", { poisson: 1 }], ["1–2/day", { uniform: [1, 2] }], ["2–4/day", { uniform: [2, 4] }],
  ["3–8/day", { uniform: [3, 8] }], ["5–15/day", { uniform: [5, 15] }], ["20–60/day", { uniform: [20, 60] }],
];
const HISTORIES = [84, 42, 21];

/** Failure bands the threshold is set for: one value per band of the window's failure count. */
const BANDS: Array<[number, number]> = [
  ...Array.from({ length: 10 }, (_, i) => [i + 3, i + 3] as [number, number]),
  [13, 14], [15, 16], [17, 18], [19, 20], [21, 25], [26, 30], [31, 40], [41, 50], [51, 65], [66, 80], [81, 100],
  [101, 130], [131, 160], [161, 200], [201, 260], [261, 330], [331, 600],
];

/** A layout's runs per day over the window (the days before its history are empty), without failures. */
function layout(r: Random, history: number, volume: RunsPerDay): RunCounts[] {
  return Array.from({ length: LOOKBACK }, (_, i) => ({ runs: i >= LOOKBACK - history ? runsOn(r, volume) : 0, failures: 0 }));
}

/** Puts `f` failures on distinct runs drawn uniformly (Floyd's sampling), the null given f. */
function placeFailures(r: Random, days: RunCounts[], f: number): void {
  const ends: number[] = [];
  let total = 0;
  for (const d of days) ends.push((total += d.runs));
  const picked = new Set<number>();
  for (let j = total - f; j < total; j++) {
    const t = r.int(0, j);
    picked.add(picked.has(t) ? j : t);
  }
  for (const p of picked) {
    let lo = 0, hi = days.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! > p) hi = mid;
      else lo = mid + 1;
    }
    days[lo]!.failures++;
  }
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * xs.length)]!;
const ceil1 = (x: number) => Math.ceil(x * 10) / 10;

function calibrate(perms: number) {
  const r = createRandom(20_261_125);
  const rows: Array<Record<string, string | number>> = [];
  const table: Array<[number, number]> = [];
  // never below what one fixed comparison needs at one-sided p < 0.001 (3.09²): a few failures that the
  // rules alone make rare still have to be a significant rise on their own
  let floor = 9.6;
  for (const [lo, hi] of BANDS) {
    let worst = 0;
    let worstLayout = "";
    for (const history of HISTORIES) {
      for (const [name, volume] of VOLUMES) {
        const stats: number[] = [];
        let tries = 0;
        while (stats.length < perms && tries < 3 * perms) {
          tries++;
          const days = layout(r, history, volume);
          const f = r.int(lo, hi);
          if (days.reduce((n, d) => n + d.runs, 0) <= f) continue; // this layout cannot hold f failures and a success
          placeFailures(r, days, f);
          stats.push(degradationCandidate(days)?.statistic ?? 0);
        }
        if (stats.length < perms) continue; // too few runs for this band: such patterns never have that many failures
        const q = quantile(stats, 0.999);
        if (q > worst) [worst, worstLayout] = [q, `${name}, ${history} days`];
      }
    }
    floor = Math.max(floor, ceil1(worst));
    table.push([hi, floor]);
    rows.push({ failures: lo === hi ? `${lo}` : `${lo}–${hi}`, "worst 99.9th pct": worst.toFixed(2), layout: worstLayout || "(none)", threshold: floor });
  }
  console.log(`\nbench:degradation --calibrate — ${perms.toLocaleString("en-US")} placements per band and layout, ${HISTORIES.length * VOLUMES.length} layouts`);
  console.table(rows);
  // the last band stands for every larger count
  table[table.length - 1]![0] = Number.POSITIVE_INFINITY;
  console.log("GAIN_THRESHOLDS = [\n" + table.map(([max, c]) => `  [${max === Number.POSITIVE_INFINITY ? "Number.POSITIVE_INFINITY" : max}, ${c}],`).join("\n") + "\n];");
}

const dayAgo = (n: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - n * DAY).toISOString().slice(0, 10);

function validate(perCell: number) {
  const RATES = [0.005, 0.02, 0.05, 0.1, 0.18, 0.3];
  const r = createRandom(7);
  const rows: Array<Record<string, string | number>> = [];
  let flaggedAll = 0, seriesAll = 0, worst = 0;
  const t0 = performance.now();
  for (const history of HISTORIES) {
    for (const [name, volume] of VOLUMES) {
      const row: Record<string, string | number> = { layout: `${name}, ${history} days` };
      for (const rate of RATES) {
        let flagged = 0;
        for (let i = 0; i < perCell; i++) {
          const s = simulateDailySeries(r, { days: history, runsPerDay: volume, failureRate: rate }, TODAY);
          if (assessDegradation(s, TODAY, { degrading: false }).degrading) flagged++;
        }
        row[`${rate * 100} %`] = flagged;
        flaggedAll += flagged;
        seriesAll += perCell;
        worst = Math.max(worst, flagged / perCell);
      }
      rows.push(row);
    }
  }
  const usPerAssessment = ((performance.now() - t0) * 1000) / seriesAll;
  console.log(`\nbench:degradation — stable patterns flagged by one assessment, out of ${perCell.toLocaleString("en-US")} per cell (stable failure rate across)`);
  console.table(rows);
  const pooled = flaggedAll / seriesAll;
  console.log(`pooled: ${flaggedAll} of ${seriesAll.toLocaleString("en-US")} (${(pooled * 1000).toFixed(2)} per 1,000); worst cell ${(worst * 1000).toFixed(2)} per 1,000 ${worst <= 0.001 ? "✓" : "✗"} (≤ 1); ${usPerAssessment.toFixed(1)} µs per simulated series and assessment`);

  // the issue's case: 3 % → 30 %, started 10–20 days ago, 2–4 runs a day, 70 days of history
  const shifts = createRandom(11);
  const SHIFTS = 5000;
  let once = 0, everyDay = 0, sinceError = 0;
  for (let i = 0; i < SHIFTS; i++) {
    const ago = shifts.int(10, 20);
    const s = simulateDailySeries(shifts, { days: 70, runsPerDay: { uniform: [2, 4] }, failureRate: 0.03, change: { daysAgo: ago, failureRate: 0.3 } }, TODAY);
    const a = assessDegradation(s, TODAY, { degrading: false });
    if (a.degrading) {
      once++;
      sinceError += Math.abs(Date.parse(a.since!) - Date.parse(dayAgo(ago))) / DAY;
    }
    if (assessedDaily(s, TODAY, 28).end.degrading) everyDay++;
  }
  const stable = createRandom(12);
  const STABLE = 5000;
  let endFlagged = 0, everFlagged = 0;
  for (let i = 0; i < STABLE; i++) {
    const s = simulateDailySeries(stable, { days: 70, runsPerDay: { uniform: [2, 4] }, failureRate: 0.02 + stable.next() * 0.16 }, TODAY);
    const x = assessedDaily(s, TODAY, 28);
    endFlagged += x.end.degrading ? 1 : 0;
    everFlagged += x.ever ? 1 : 0;
  }
  const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;
  console.log(`\n3 % → 30 % shifts that started 10–20 days ago at 2–4 runs a day (${SHIFTS.toLocaleString("en-US")} series, 70 days of history):`);
  console.table([
    { assessed: "once, today", flagged: pct(once, SHIFTS), "mean |since − planted day|": `${(sinceError / Math.max(1, once)).toFixed(1)} days` },
    { assessed: "daily for 28 days, state carried", flagged: pct(everyDay, SHIFTS), "mean |since − planted day|": "" },
  ]);
  console.log(`stable at 2–18 % (2–4 runs a day), assessed daily for 28 days: flagged at the end ${pct(endFlagged, STABLE)}, ever flagged ${pct(everFlagged, STABLE)} (${STABLE.toLocaleString("en-US")} series)`);
  console.log(`thresholds in force: ${GAIN_THRESHOLDS.map(([max, c]) => `F ≤ ${max}: ${c}`).join(", ")}; e.g. ${gainThreshold(15)} at 15 failures`);
  if (worst > 0.001) process.exitCode = 1;
}

if (args.includes("--calibrate")) calibrate(arg("perms", 20_000));
else validate(arg("series", 20_000));
