// npm run bench:analyze — the analysis run at scale on the simulator's telemetry: many teams, each the
// simulator's 70 days of patterns (healthy, flaky, broken, sparse, degrading, an outage, retries with
// fixes) and ad-hoc work (planted repetitions, near-misses, one-offs), each team with its own patterns
// and runners. A full first run over 1,000,000 executions, then an incremental run after the next 10,000.
// Targets (issue 14 §5): full ≤ 10 s on SQLite and ≤ 15 s on PostgreSQL, incremental ≤ 1 s on both, peak
// RSS under 1 GiB.
// Options: --events N (default 1,000,000), --dialects sqlite,postgresql, --rounds N (incremental runs, 3).
import { runAnalysis } from "../lib/analysis/run";
import { ANALYSIS_STEPS } from "../lib/analysis/steps";
import { ingestEvents } from "../lib/telemetry/ingest";
import { freshBenchDb } from "./lib/bench-db";
import { loadTeams, NOW } from "./lib/teams";
import { countArg, dialectsArg } from "./lib/args";

const COUNT = countArg("events", 1_000_000);
const DIALECTS = dialectsArg();
const NEW = 10_000;
const ROUNDS = countArg("rounds", 3);

/** Seconds per analysis step (through runAnalysis's onStep), for the slowest ones in the report. */
function stepTimer() {
  const spent = new Map<string, number>();
  let current: { name: string; at: number } | null = null;
  const close = () => current && spent.set(current.name, (spent.get(current.name) ?? 0) + (performance.now() - current.at) / 1000);
  return {
    onStep: (name: string) => {
      close();
      current = { name, at: performance.now() };
    },
    end: () => {
      close();
      current = null;
    },
    /** The four slowest steps, their time divided by `runs` (the rounds measured). */
    slowest: (runs = 1) => [...spent].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([n, s]) => `${n} ${(s / runs).toFixed(2)} s`).join(", "),
  };
}

async function main() {
  const rows: Array<Record<string, string | number>> = [];
  const found: string[] = [];
  let ok = true;
  for (const dialect of DIALECTS) {
    const { temp, db } = await freshBenchDb(dialect);
    try {
      const loadStart = performance.now();
      const { teams, held, cut } = await loadTeams(COUNT, NEW * ROUNDS, async (batch) => {
        const out = await ingestEvents(db, batch, { maxEvents: Number.POSITIVE_INFINITY, now: NOW });
        if (!out.ok) throw new Error(`bench data refused: ${out.errors[0]?.message}`);
      });
      const loadS = (performance.now() - loadStart) / 1000;
      const executions = await db.prisma.execution.count();
      global.gc?.();
      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
      const t0 = performance.now();
      const fullSteps = stepTimer();
      const full = await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(cut), onStep: fullSteps.onStep });
      fullSteps.end();
      const fullS = (performance.now() - t0) / 1000;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      // A database that has held these runs for weeks has had its statistics gathered and its visibility map
      // set by autovacuum many times over; loaded in a minute, this one has had neither. The planner without
      // statistics guesses every row count, so gather them, as autovacuum would, before the 10,000 arrive.
      if (dialect === "postgresql") await db.pool!.query("VACUUM ANALYZE");
      const incSteps = stepTimer();
      const rounds: number[] = [];
      let inc: Awaited<ReturnType<typeof runAnalysis>> | undefined;
      for (let r = 0; r < ROUNDS; r++) {
        const next = held.slice(r * NEW, (r + 1) * NEW);
        const out = await ingestEvents(db, next, { maxEvents: Number.POSITIVE_INFINITY, now: NOW });
        if (!out.ok) throw new Error("bench data refused");
        const t1 = performance.now();
        inc = await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(Date.parse(next.at(-1)!.startedAt) + 60_000), onStep: incSteps.onStep });
        incSteps.end();
        rounds.push((performance.now() - t1) / 1000);
      }
      const incS = [...rounds].sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
      const peakMiB = Math.round(peak / 1048576);
      const fullTarget = dialect === "sqlite" ? 10 : 15;
      ok &&= fullS <= fullTarget && peakMiB < 1024 && incS <= 1;
      const mark = (pass: boolean, target: string) => ` ${pass ? "✓" : "✗"} (${target})`;
      rows.push({
        dialect, executions, teams, patterns: await db.prisma.pattern.count(), "load s": loadS.toFixed(1),
        "full run s": `${fullS.toFixed(1)}${mark(fullS <= fullTarget, `≤ ${fullTarget}`)}`,
        "peak RSS MiB": `${peakMiB}${mark(peakMiB < 1024, "< 1024")}`,
        "incremental s (median)": `${incS.toFixed(2)}${mark(incS <= 1, "≤ 1")}`,
        rounds: rounds.map((x) => x.toFixed(2)).join(" "),
        "new read": inc!.newExecutions,
      });
      const nonZero = (c: Record<string, number>) => Object.entries(c).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${v}`).join(", ");
      found.push(`${dialect} full: ${nonZero(full.counts)}`, `${dialect} incremental (last round): ${nonZero(inc!.counts) || "nothing new"}`);
      found.push(`${dialect} slowest steps, full: ${fullSteps.slowest()}`, `${dialect} slowest steps, incremental (mean of the rounds): ${incSteps.slowest(ROUNDS)}`);
    } finally {
      await db.close();
      await temp.drop();
    }
  }
  console.log(`\nbench:analyze — the simulator's telemetry, ${COUNT.toLocaleString("en-US")} executions, then ${ROUNDS} rounds of ${NEW.toLocaleString("en-US")} new`);
  console.table(rows);
  for (const f of found) console.log(f);
  if (!ok) process.exitCode = 1;
}

await main();
