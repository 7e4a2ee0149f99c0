// npm run bench:analyze — the analysis run at scale on the simulator's telemetry: many teams, each the
// simulator's 70 days of patterns (healthy, flaky, broken, sparse, degrading, an outage, retries with
// fixes) and ad-hoc work (planted repetitions, near-misses, one-offs), each team with its own patterns
// and runners. A full first run over 1,000,000 executions (target ≤ 20 s and < 1.5 GiB peak on SQLite;
// PostgreSQL reported), then an incremental run after the next 10,000 (target ≤ 2 s).
// Options: --events N (default 1,000,000), --dialects sqlite,postgresql.
import { runAnalysis } from "../lib/analysis/run";
import { ANALYSIS_STEPS } from "../lib/analysis/steps";
import { ingestEvents } from "../lib/telemetry/ingest";
import { freshBenchDb } from "./lib/bench-db";
import { loadTeams, NOW } from "./lib/teams";
import { countArg, dialectsArg } from "./lib/args";

const COUNT = countArg("events", 1_000_000);
const DIALECTS = dialectsArg();
const NEW = 10_000;

async function main() {
  const rows: Array<Record<string, string | number>> = [];
  const found: string[] = [];
  let ok = true;
  for (const dialect of DIALECTS) {
    const { temp, db } = await freshBenchDb(dialect);
    try {
      const loadStart = performance.now();
      const { teams, held, cut } = await loadTeams(COUNT, NEW, async (batch) => {
        const out = await ingestEvents(db, batch, { maxEvents: Number.POSITIVE_INFINITY, now: NOW });
        if (!out.ok) throw new Error(`bench data refused: ${out.errors[0]?.message}`);
      });
      const loadS = (performance.now() - loadStart) / 1000;
      const executions = await db.prisma.execution.count();
      global.gc?.();
      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
      const t0 = performance.now();
      const full = await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(cut) });
      const fullS = (performance.now() - t0) / 1000;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      const out = await ingestEvents(db, held, { maxEvents: Number.POSITIVE_INFINITY, now: NOW });
      if (!out.ok) throw new Error("bench data refused");
      const t1 = performance.now();
      const inc = await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(Date.parse(held.at(-1)!.startedAt) + 60_000) });
      const incS = (performance.now() - t1) / 1000;
      const peakMiB = Math.round(peak / 1048576);
      const sqlite = dialect === "sqlite";
      ok &&= !sqlite || (fullS <= 20 && peakMiB < 1536 && incS <= 2);
      const mark = (pass: boolean, target: string) => (sqlite ? ` ${pass ? "✓" : "✗"} (${target})` : "");
      rows.push({
        dialect, executions, teams, patterns: await db.prisma.pattern.count(), "load s": loadS.toFixed(1),
        "full run s": `${fullS.toFixed(1)}${mark(fullS <= 20, "≤ 20")}`,
        "peak RSS MiB": `${peakMiB}${mark(peakMiB < 1536, "< 1536")}`,
        "incremental s": `${incS.toFixed(2)}${mark(incS <= 2, "≤ 2")}`,
        "new read": inc.newExecutions,
      });
      const nonZero = (c: Record<string, number>) => Object.entries(c).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${v}`).join(", ");
      found.push(`${dialect} full: ${nonZero(full.counts)}`, `${dialect} incremental: ${nonZero(inc.counts) || "nothing new"}`);
    } finally {
      await db.close();
      await temp.drop();
    }
  }
  console.log(`\nbench:analyze — the simulator's telemetry, ${COUNT.toLocaleString("en-US")} executions, then ${NEW.toLocaleString("en-US")} new`);
  console.table(rows);
  for (const f of found) console.log(f);
  if (!ok) process.exitCode = 1;
}

await main();
