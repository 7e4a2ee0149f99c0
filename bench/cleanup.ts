// npm run bench:cleanup — retention over 1,000,000 executions past retention while telemetry keeps
// arriving: how long `runCleanup` takes, and the longest any concurrent ingest call (100 events) waited.
// The ingest loop runs in another process (cleanup from cron next to the server) and, for SQLite, also
// in the same process (the in-app monthly job). Targets: cleanup ≤ 10 s, longest ingest call ≤ 1 s.
// The loop makes RATE calls a second (default 20: 2,000 events/s, far above what a team sends; 0 = back to
// back, the worst case). Options: --executions N, --dialects sqlite,postgresql, --ingest-rate R.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { EXECUTIONS_CURSOR } from "../lib/analysis/run";
import type { DbHandle } from "../lib/db/client";
import { runCleanup, type CleanupSummary } from "../lib/retention/run-cleanup";
import { toRow } from "../lib/telemetry/normalize";
import { storeRows } from "../lib/telemetry/store";
import { freshBenchDb, percentile } from "./lib/bench-db";
import { benchEvents } from "./lib/events";
import { ingestLoop, type LoopStats } from "./lib/ingest-loop";
import { countArg, dialectsArg } from "./lib/args";

const COUNT = countArg("executions", 1_000_000);
const DIALECTS = dialectsArg();
const DAY = 86_400_000;
const CHUNK = 50_000;
const RATE = countArg("ingest-rate", 20);

/** COUNT executions spread over the 200 days that ended 100 days ago, as ingest stores them (with daily metrics). */
async function loadOld(db: DbHandle, now: number): Promise<number> {
  const from = now - 300 * DAY;
  const step = (200 * DAY) / COUNT;
  const started = performance.now();
  for (let i = 0; i < COUNT; i += CHUNK) {
    const events = benchEvents(Math.min(CHUNK, COUNT - i), 1000 + i);
    await storeRows(db, events.map((e, k) => toRow({ ...e, id: `old-${i + k}`, startedAt: new Date(from + (i + k) * step).toISOString() }, now)));
  }
  // the patterns were made long ago and only ever ran back then: cleanup archives them too
  await db.prisma.pattern.updateMany({ data: { createdAt: new Date(from) } });
  const max = (await db.prisma.execution.aggregate({ _max: { seq: true } }))._max.seq ?? 0;
  await db.prisma.cursor.create({ data: { name: EXECUTIONS_CURSOR, position: max } }); // the analysis has read them
  return (performance.now() - started) / 1000;
}

/** The ingest loop in its own process; resolves once it is ingesting. */
async function loopProcess(url: string) {
  const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "lib", "ingest-loop.ts"), String(RATE)], { env: { ...process.env, DATABASE_URL: url }, stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  if ((await lines.next()).value !== "ready") throw new Error("ingest loop did not start");
  return {
    stop: async (): Promise<LoopStats> => {
      child.stdin!.write("stop\n");
      const line = (await lines.next()).value as string;
      await once(child, "exit");
      return JSON.parse(line) as LoopStats;
    },
  };
}

async function measure(dialect: "sqlite" | "postgresql", where: "other process" | "same process") {
  const { temp, db } = await freshBenchDb(dialect);
  try {
    const now = Date.now();
    const load = await loadOld(db, now);
    const loop = where === "same process" ? ingestLoop(db, "inproc", RATE) : await loopProcess(temp.url);
    await new Promise((r) => setTimeout(r, 1000)); // the loop at its steady pace first
    const began = performance.now();
    const summary: CleanupSummary = await runCleanup(db, { now: new Date(now), actor: "bench" });
    const seconds = (performance.now() - began) / 1000;
    const stats = await loop.stop();
    const sorted = [...stats.timings].sort((a, b) => a - b);
    if (summary.executionsDeleted !== COUNT) throw new Error(`deleted ${summary.executionsDeleted}, expected ${COUNT}`);
    const stall = sorted[sorted.length - 1]!;
    return {
      dialect, ingest: where, "load s": load.toFixed(1), deleted: summary.executionsDeleted.toLocaleString("en-US"), days: summary.daysFolded,
      archived: summary.patternsArchived, "cleanup s": `${seconds.toFixed(2)} ${seconds <= 10 ? "✓" : "✗"} (≤ 10)`,
      "ingest calls": stats.calls, "events/s": Math.round(stats.events / seconds), "ingest p50 ms": percentile(sorted, 50).toFixed(1), "ingest p99 ms": percentile(sorted, 99).toFixed(1),
      "longest ingest ms": `${stall.toFixed(0)} ${stall <= 1000 ? "✓" : "✗"} (≤ 1,000)`,
    };
  } finally {
    await db.close();
    await temp.drop();
  }
}

async function main() {
  const rows = [];
  for (const dialect of DIALECTS) {
    rows.push(await measure(dialect, "other process"));
    if (dialect === "sqlite") rows.push(await measure(dialect, "same process"));
  }
  const pace = RATE > 0 ? `${RATE} calls/s` : "back to back";
  console.log(`\nbench:cleanup — ${COUNT.toLocaleString("en-US")} executions past retention, 100-event ingest calls (${pace}) running throughout`);
  console.table(rows);
}

await main();
