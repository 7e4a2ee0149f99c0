// npm run bench:ingest — bulk ingest against the raw driver, in one run on one machine and data:
// (a) the raw driver's INSERT rate into the executions table and its indexes (prebuilt rows, no checks),
// (b) `patterns ingest` of the same events from a JSON file (process start to exit),
// (c) the HTTP API of the built app (scripts/serve.mjs, what `npm start` runs) with batches of 1,000 events.
// Targets: (b) >= 60 % of (a) with the CLI's peak memory <= 300 MiB whatever the file's size (it reads the file
// as it stores it), (c) >= 30 % of (a). Options: --events N, --dialects sqlite,postgresql, --rounds R,
// --http no (skip (c), e.g. for a 3,000,000-event memory check).
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb, type DbHandle } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { tempPostgres, tempSqlite, type TempDatabase } from "../lib/db/testing";
import { ensureBuilt, ensureCliBuilt, startApp } from "../lib/server/app-process";
import { toRow, type ExecutionRow } from "../lib/telemetry/normalize";
import { benchEvents } from "./lib/events";
import { arg, countArg, dialectsArg } from "./lib/args";

const root = join(import.meta.dirname, "..");
const COUNT = countArg("events", 200_000);
const DIALECTS = dialectsArg();
const BATCH = 1000;
const ROUNDS = countArg("rounds", 3);
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const CONCURRENCY = 2;
const HTTP = arg("http", "yes") !== "no";
const CLI_SHARE = 0.6;
const CLI_PEAK_MIB = 300;

async function freshDb(dialect: "sqlite" | "postgresql"): Promise<TempDatabase> {
  const temp = dialect === "sqlite" ? tempSqlite() : await tempPostgres("pa_bench");
  await migrate(temp.config);
  return temp;
}

const COLS = `"id", "patternId", "operation", "inputs", "fileCount", "startedAt", "durationMs", "success", "errorType", "errorMessage", "errorSignature", "errorKey", "retryOf", "fix", "source", "receivedAt"`;

/** (a): prebuilt rows straight into the table with the driver, in one transaction. */
async function rawInsert(db: DbHandle, rows: ExecutionRow[]): Promise<number> {
  const patterns = [...new Set(rows.map((r) => r.patternId).filter((p): p is string => p !== null))];
  if (db.dialect === "sqlite") {
    const raw = db.sqlite!;
    const p = raw.prepare(`INSERT INTO "patterns" ("id", "name", "createdAt", "updatedAt") VALUES (?, ?, 0, 0)`);
    for (const id of patterns) p.run(id, id);
    const insert = raw.prepare(`INSERT INTO "executions" (${COLS}) VALUES (${Array(16).fill("?").join(", ")})`);
    const started = performance.now();
    raw.transaction(() => {
      for (const r of rows) {
        insert.run(r.id, r.patternId, r.operation, r.inputs, r.fileCount, r.startedAt, r.durationMs, r.success ? 1 : 0, r.errorType, r.errorMessage, r.errorSignature, r.errorKey, r.retryOf, r.fix, r.source, r.receivedAt);
      }
    })();
    return performance.now() - started;
  }
  const client = await db.pool!.connect();
  try {
    await client.query(`INSERT INTO "patterns" ("id", "name", "createdAt", "updatedAt") SELECT id, id, now(), now() FROM unnest($1::text[]) AS t(id)`, [patterns]);
    const started = performance.now();
    await client.query("BEGIN");
    for (let i = 0; i < rows.length; i += 5000) {
      const b = rows.slice(i, i + 5000);
      const col = <T>(f: (r: ExecutionRow) => T) => b.map(f);
      await client.query(
        `INSERT INTO "executions" (${COLS}) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int4[], $6::timestamp(3)[], $7::int4[], $8::bool[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::timestamp(3)[])`,
        [col((r) => r.id), col((r) => r.patternId), col((r) => r.operation), col((r) => r.inputs), col((r) => r.fileCount), col((r) => new Date(r.startedAt).toISOString()), col((r) => r.durationMs), col((r) => r.success), col((r) => r.errorType), col((r) => r.errorMessage), col((r) => r.errorSignature), col((r) => r.errorKey), col((r) => r.retryOf), col((r) => r.fix), col((r) => r.source), col((r) => new Date(r.receivedAt).toISOString())],
      );
    }
    await client.query("COMMIT");
    return performance.now() - started;
  } finally {
    client.release();
  }
}

function cli(argv: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [join(root, "bin", "patterns.mjs"), ...argv], { env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** (b): the CLI, process start to exit. */
function cliIngest(url: string, file: string): { ms: number; peakKb: number } {
  const started = performance.now();
  const r = cli(["ingest", file, "--json"], { DATABASE_URL: url, PATTERNS_REPORT_PEAK_RSS: "1" });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`patterns ingest failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout) as { accepted: number };
  if (out.accepted !== COUNT) throw new Error(`patterns ingest accepted ${out.accepted} of ${COUNT}`);
  return { ms, peakKb: Number(/peak-rss-kb (\d+)/.exec(r.stderr)?.[1] ?? 0) };
}

function peakRssKb(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** (c): batches of 1,000 over HTTP to the production server, CONCURRENCY requests in flight. */
async function httpIngest(url: string, events: unknown[]): Promise<{ ms: number; peakKb: number }> {
  const token = JSON.parse(cli(["token", "create", "bench", "--json"], { DATABASE_URL: url }).stdout).token as string;
  const server = await startApp({ databaseUrl: url });
  try {
    const base = server.url;
    const bodies: string[] = [];
    for (let i = 0; i < events.length; i += BATCH) bodies.push(JSON.stringify(events.slice(i, i + BATCH)));
    // warm the route once (compiles nothing in production, but opens the database)
    await fetch(`${base}/api/v1/executions`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: "[]" });
    let next = 0;
    let accepted = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < bodies.length) {
          const body = bodies[next++]!;
          const res = await fetch(`${base}/api/v1/executions`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body });
          if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
          const stored = ((await res.json()) as { accepted: number }).accepted;
          accepted += stored; // read after the await: `accepted += await …` would lose updates
        }
      }),
    );
    const ms = performance.now() - started;
    if (accepted !== COUNT) throw new Error(`the API accepted ${accepted} of ${COUNT}`);
    return { ms, peakKb: peakRssKb(server.pid) };
  } finally {
    await server.stop();
  }
}

async function main() {
  // the CLI's bundle, (b) measures the CLI as installed; and the app, for (c)
  if (HTTP) await ensureBuilt();
  else ensureCliBuilt();
  const events = benchEvents(COUNT);
  const rows = events.map((e) => toRow(e, Date.now()));
  const dir = mkdtempSync(join(tmpdir(), "pa-bench-"));
  const file = join(dir, "events.json");
  // written in pieces: 3,000,000 events are more text than one string may hold
  const fd = openSync(file, "w");
  writeSync(fd, "[");
  for (let i = 0; i < events.length; i += 10_000) writeSync(fd, (i ? "," : "") + events.slice(i, i + 10_000).map((e) => JSON.stringify(e)).join(","));
  writeSync(fd, "]");
  closeSync(fd);
  const results: Array<Record<string, string | number>> = [];
  let ok = true;
  try {
    for (const dialect of DIALECTS) {
      // (a) and (b) alternate ROUNDS times and the medians are compared: this machine's speed drifts by
      // a third within minutes, and interleaving keeps the drift out of the ratio.
      const rawTimes: number[] = [];
      const cliTimes: Array<{ ms: number; peakKb: number }> = [];
      for (let round = 0; round < ROUNDS; round++) {
        const a = await freshDb(dialect);
        const handle = openDb(a.config);
        rawTimes.push(await rawInsert(handle, rows));
        await handle.close();
        await a.drop();
        const b = await freshDb(dialect);
        cliTimes.push(cliIngest(b.url, file));
        await b.drop();
      }
      const rawMs = median(rawTimes);
      const cliRun = { ms: median(cliTimes.map((c) => c.ms)), peakKb: Math.max(...cliTimes.map((c) => c.peakKb)) };
      const http = HTTP ? await (async () => {
        const c = await freshDb(dialect);
        try {
          return await httpIngest(c.url, events);
        } finally {
          await c.drop();
        }
      })() : null;
      const rate = (ms: number) => Math.round((COUNT / ms) * 1000);
      const rawRate = rate(rawMs);
      const cliRatio = rate(cliRun.ms) / rawRate;
      const cliPeakMib = Math.round(cliRun.peakKb / 1024);
      const httpRatio = http ? rate(http.ms) / rawRate : null;
      ok &&= cliRatio >= CLI_SHARE && cliPeakMib <= CLI_PEAK_MIB && (httpRatio === null || httpRatio >= 0.3);
      results.push({
        dialect,
        "(a) raw rows/s": rawRate,
        "(b) cli events/s": rate(cliRun.ms),
        "(b)/(a)": `${(cliRatio * 100).toFixed(0)} % ${cliRatio >= CLI_SHARE ? "✓" : "✗"} (≥ ${CLI_SHARE * 100} %)`,
        "cli peak MiB": `${cliPeakMib} ${cliPeakMib <= CLI_PEAK_MIB ? "✓" : "✗"} (≤ ${CLI_PEAK_MIB})`,
        "(c) http events/s": http ? rate(http.ms) : "skipped",
        "(c)/(a)": httpRatio === null ? "—" : `${(httpRatio * 100).toFixed(0)} % ${httpRatio >= 0.3 ? "✓" : "✗"} (≥ 30 %)`,
        "server peak MiB": http ? Math.round(http.peakKb / 1024) : "—",
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nbench:ingest — ${COUNT.toLocaleString("en-US")} events; (a) and (b): medians of ${ROUNDS} interleaved rounds; (c): HTTP batches of ${BATCH}, ${CONCURRENCY} requests in flight`);
  console.table(results);
  if (!ok) {
    console.log("a target was missed");
    process.exitCode = 1;
  }
}

await main();
