// npm run bench:load — sustained ingest over HTTP against the built app (as `npm start` serves it), from a separate
// process over loopback: batches of 100 events with unique ids at a target rate for 60 s (--duration S),
// then every acknowledged event is looked up in the database. SQLite with one app instance; PostgreSQL with
// two (two processes on one database). Targets: ≥ 20,000 events/s acknowledged, p99 < 100 ms per request,
// stored == acknowledged exactly (nothing lost, nothing doubled).
// Options: --duration S (60), --dialects sqlite,postgresql, --rate EVENTS_PER_S (22000), --in-flight N (32), --batch N (100).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb } from "../lib/db/client";
import { rawArrays } from "../lib/db/raw";
import { migrate } from "../lib/db/migrate";
import { tempPostgres, tempSqlite, type TempDatabase } from "../lib/db/testing";
import { ensureBuilt, startApp, type AppProcess } from "../lib/server/app-process";
import { percentile } from "./lib/bench-db";
import type { LoadOptions, LoadReport } from "./lib/load-client";

const root = join(import.meta.dirname, "..");
const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const DURATION_S = Number(arg("duration", "60"));
const DIALECTS = arg("dialects", "sqlite,postgresql").split(",") as Array<"sqlite" | "postgresql">;
const RATE = Number(arg("rate", "22000"));
const IN_FLIGHT = Number(arg("in-flight", "32"));
const BATCH = Number(arg("batch", "100"));
const TARGET_RATE = 20_000;
const TARGET_P99_MS = 100;

function cli(argv: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [join(root, "bin", "patterns.mjs"), ...argv], { env: { ...process.env, ...env }, encoding: "utf8" });
}

/** CPU seconds a process (all its threads) has used so far, from /proc; 0 where there is none. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return 0;
  }
}

/** The load client as its own process; its report comes back through a file. */
function runClient(opts: LoadOptions, dir: string): Promise<LoadReport> {
  const file = join(dir, `report-${Date.now()}.json`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(root, "bench", "lib", "load-client.ts"), JSON.stringify(opts), file], { cwd: root, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(readFileSync(file, "utf8")) as LoadReport) : reject(new Error(`load client exited ${code}`))));
  });
}

async function measure(dialect: "sqlite" | "postgresql", dir: string): Promise<Record<string, string | number>> {
  const temp: TempDatabase = dialect === "sqlite" ? tempSqlite() : await tempPostgres("ingest_bench");
  const apps: AppProcess[] = [];
  try {
    await migrate(temp.config);
    const token = JSON.parse(cli(["token", "create", "load", "--json"], { DATABASE_URL: temp.url }).stdout).token as string;
    const instances = dialect === "sqlite" ? 1 : 2;
    // the production server (scripts/serve.mjs, what `npm start` runs), each in its own process group
    for (let i = 0; i < instances; i++) apps.push(await startApp({ databaseUrl: temp.url }));
    const bases = apps.map((a) => a.url);
    // warm every instance (route compiled on first use, database opened, writer thread started)
    await runClient({ urls: bases, token, prefix: "warm", durationMs: 2000, batch: BATCH, rate: 2000, inFlight: 4 }, dir);
    const prefix = `load-${dialect}`;
    const cpuBefore = apps.reduce((sum, a) => sum + cpuSeconds(a.pid), 0);
    const report = await runClient({ urls: bases, token, prefix, durationMs: DURATION_S * 1000, batch: BATCH, rate: RATE, inFlight: IN_FLIGHT }, dir);
    const serverCpu = apps.reduce((sum, a) => sum + cpuSeconds(a.pid), 0) - cpuBefore;
    const db = openDb(temp.config);
    let stored: Set<string>;
    try {
      stored = new Set((await rawArrays<[string]>(db, `SELECT "id" FROM "executions" WHERE "id" LIKE ?`, [`${prefix}-%`])).map((r) => r[0]));
    } finally {
      await db.close();
    }
    let sent = 0;
    let acknowledged = 0;
    let lost = 0;
    const statuses = new Map<number, number>();
    for (const r of report.requests) {
      sent += r.count;
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      let here = 0;
      for (let k = 0; k < r.count; k++) if (stored.has(`${prefix}-${r.first + k}`)) here++;
      if (r.status === 200) {
        acknowledged += r.accepted;
        lost += r.count - here;
      }
    }
    // stored beyond what was acknowledged: a refused request that was stored after all, or an event twice
    const doubled = stored.size - (acknowledged - lost);
    const ok = report.requests.filter((r) => r.status === 200).map((r) => r.ms).sort((a, b) => a - b);
    const rate = Math.round((acknowledged / report.durationMs) * 1000);
    const p99 = ok.length ? percentile(ok, 99) : Number.NaN;
    const met = rate >= TARGET_RATE && p99 < TARGET_P99_MS && lost === 0 && doubled === 0 && stored.size === acknowledged;
    if (report.errors.length) console.log(`${dialect}: first errors:`, report.errors.slice(0, 5));
    return {
      dialect,
      instances,
      sent,
      acknowledged,
      stored: stored.size,
      lost,
      doubled,
      "non-2xx": [...statuses].filter(([s]) => s !== 200).map(([s, n]) => `${s}×${n}`).join(" ") || "0",
      "p50 ms": ok.length ? percentile(ok, 50).toFixed(1) : "-",
      "p99 ms": Number.isNaN(p99) ? "-" : p99.toFixed(1),
      "events/s": rate,
      // what the app itself spent per stored event (all its threads; PostgreSQL's own work not included):
      // the figure that says how many cores a rate needs, whatever else shares the machine
      "app CPU µs/event": acknowledged ? Math.round((serverCpu * 1e6) / acknowledged) : "-",
      target: met ? "✓" : `✗ (≥ ${TARGET_RATE}/s, p99 < ${TARGET_P99_MS} ms, stored = acknowledged)`,
    };
  } finally {
    await Promise.all(apps.map((a) => a.stop()));
    await temp.drop();
  }
}

async function main() {
  // the app starts its writer thread from dist/: ensureBuilt makes sure the bundle is current too
  await ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), "pa-load-"));
  const rows: Array<Record<string, string | number>> = [];
  try {
    for (const dialect of DIALECTS) rows.push(await measure(dialect, dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nbench:load — ${DURATION_S} s, batches of ${BATCH}, target ${RATE.toLocaleString("en-US")} events/s, at most ${IN_FLIGHT} requests in flight, client in its own process over loopback`);
  console.table(rows);
  if (rows.some((r) => r.target !== "✓")) {
    console.log("a target was missed");
    process.exitCode = 1;
  }
}

await main();
