// npm run bench:analyze — the analysis run at scale: a full first run over 1,000,000 executions (target
// ≤ 20 s and < 1.5 GiB peak on SQLite; PostgreSQL reported), then an incremental run after 10,000 new
// executions (target ≤ 2 s). Options: --events N, --dialects sqlite,postgresql.
import { openDb } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { tempPostgres, tempSqlite } from "../lib/db/testing";
import { runAnalysis } from "../lib/analysis/run";
import { ANALYSIS_STEPS } from "../lib/analysis/steps";
import { ingestEvents } from "../lib/telemetry/ingest";
import { benchEvents } from "./lib/events";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const COUNT = Number(arg("events", "1000000"));
const DIALECTS = arg("dialects", "sqlite,postgresql").split(",") as Array<"sqlite" | "postgresql">;
const NEW = 10_000;
const CHUNK = 50_000;

/** Events spread over the 60 days before `now`, seeded; ids unique per batch. */
function events(count: number, seed: number, now: number) {
  const list = benchEvents(count, seed);
  const span = 60 * 86_400_000;
  for (let i = 0; i < list.length; i++) list[i]!.startedAt = new Date(now - span + Math.floor((i / list.length) * span)).toISOString();
  return list;
}

async function main() {
  const now = Date.now();
  const rows: Array<Record<string, string | number>> = [];
  let ok = true;
  for (const dialect of DIALECTS) {
    const temp = dialect === "sqlite" ? tempSqlite() : await tempPostgres("pa_bench");
    await migrate(temp.config);
    const db = openDb(temp.config);
    const loadStart = performance.now();
    for (let i = 0; i < COUNT; i += CHUNK) {
      const out = await ingestEvents(db, events(Math.min(CHUNK, COUNT - i), 1000 + i, now), { maxEvents: Number.POSITIVE_INFINITY, now });
      if (!out.ok) throw new Error("bench data refused");
    }
    const loadS = (performance.now() - loadStart) / 1000;
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    const full = await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(now) });
    const fullS = (performance.now() - t0) / 1000;
    const out = await ingestEvents(db, events(NEW, 999_999, now + 60_000).map((e) => ({ ...e, startedAt: new Date(now + 1000).toISOString() })), { maxEvents: Number.POSITIVE_INFINITY, now });
    if (!out.ok) throw new Error("bench data refused");
    const t1 = performance.now();
    const inc = await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(now + 120_000) });
    const incS = (performance.now() - t1) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const peakMiB = Math.round(peak / 1048576);
    const fullOk = dialect !== "sqlite" || (fullS <= 20 && peakMiB < 1536);
    const incOk = dialect !== "sqlite" || incS <= 2;
    ok &&= fullOk && incOk;
    rows.push({
      dialect, executions: COUNT, "load s": loadS.toFixed(1),
      "full run s": `${fullS.toFixed(1)}${dialect === "sqlite" ? (fullS <= 20 ? " ✓ (≤ 20)" : " ✗ (≤ 20)") : ""}`,
      "peak RSS MiB": `${peakMiB}${dialect === "sqlite" ? (peakMiB < 1536 ? " ✓" : " ✗") : ""}`,
      "incremental (10k) s": `${incS.toFixed(2)}${dialect === "sqlite" ? (incS <= 2 ? " ✓ (≤ 2)" : " ✗ (≤ 2)") : ""}`,
      "full found": JSON.stringify(full.counts), "incremental read": inc.newExecutions,
    });
    await db.close();
    await temp.drop();
  }
  console.log(`\nbench:analyze — ${COUNT.toLocaleString("en-US")} executions, then ${NEW.toLocaleString("en-US")} new`);
  console.table(rows);
  if (!ok) process.exitCode = 1;
}

await main();
