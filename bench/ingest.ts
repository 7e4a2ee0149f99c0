// npm run bench:ingest — bulk ingest against the raw driver, in one run on one machine and data:
// (a) the raw driver, as the issue measured it: a plain loop over the same NDJSON file that parses each line
//     and INSERTs it into the executions table and its indexes (no checks, one transaction);
// (a0) the raw driver's INSERT rate alone (the rows prebuilt in memory: no reading, no parsing), a stricter
//     yardstick shown beside it;
// (b) `patterns ingest` of the same NDJSON file (process start to exit),
// (c) the HTTP API of the built app (scripts/serve.mjs, what `npm start` runs) with batches of 1,000 events.
// Targets: (b) >= 60 % of (a) with the CLI's peak memory <= 300 MiB whatever the file's size (it reads the file
// as it stores it), (c) >= 30 % of (a0). Options: --events N, --dialects sqlite,postgresql, --rounds R,
// --http no (skip (c), e.g. for a 3,000,000-event memory check).
import { spawnSync } from "node:child_process";
import type pg from "pg";
import type Database from "better-sqlite3";
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb, type DbHandle } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { tempPostgres, tempSqlite, type TempDatabase } from "../lib/db/testing";
import { ensureBuilt, ensureCliBuilt, startApp } from "../lib/server/app-process";
import { toRow, type ExecutionRow } from "../lib/telemetry/normalize";
import type { ExecutionEvent } from "../lib/telemetry/event-schema";
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

/** One multi-row INSERT of rows on PostgreSQL (columns as arrays). */
async function insertPg(client: pg.PoolClient, b: ExecutionRow[]): Promise<void> {
  const col = <T>(f: (r: ExecutionRow) => T) => b.map(f);
  await client.query(
    `INSERT INTO "executions" (${COLS}) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int4[], $6::timestamp(3)[], $7::int4[], $8::bool[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::timestamp(3)[])`,
    [col((r) => r.id), col((r) => r.patternId), col((r) => r.operation), col((r) => r.inputs), col((r) => r.fileCount), col((r) => new Date(r.startedAt).toISOString()), col((r) => r.durationMs), col((r) => r.success), col((r) => r.errorType), col((r) => r.errorMessage), col((r) => r.errorSignature), col((r) => r.errorKey), col((r) => r.retryOf), col((r) => r.fix), col((r) => r.source), col((r) => new Date(r.receivedAt).toISOString())],
  );
}

/** One row into the executions table on SQLite, its values in COLS order. */
function insertSqlite(insert: Database.Statement, r: ExecutionRow): void {
  insert.run(r.id, r.patternId, r.operation, r.inputs, r.fileCount, r.startedAt, r.durationMs, r.success ? 1 : 0, r.errorType, r.errorMessage, r.errorSignature, r.errorKey, r.retryOf, r.fix, r.source, r.receivedAt);
}

/** (a0): prebuilt rows straight into the table with the driver, in one transaction. */
async function rawInsert(db: DbHandle, rows: ExecutionRow[]): Promise<number> {
  const patterns = [...new Set(rows.map((r) => r.patternId).filter((p): p is string => p !== null))];
  if (db.dialect === "sqlite") {
    const raw = db.sqlite!;
    const p = raw.prepare(`INSERT INTO "patterns" ("id", "name", "createdAt", "updatedAt") VALUES (?, ?, 0, 0)`);
    for (const id of patterns) p.run(id, id);
    const insert = raw.prepare(`INSERT INTO "executions" (${COLS}) VALUES (${Array(16).fill("?").join(", ")})`);
    const started = performance.now();
    raw.transaction(() => {
      for (const r of rows) insertSqlite(insert, r);
    })();
    return performance.now() - started;
  }
  const client = await db.pool!.connect();
  try {
    await client.query(`INSERT INTO "patterns" ("id", "name", "createdAt", "updatedAt") SELECT id, id, now(), now() FROM unnest($1::text[]) AS t(id)`, [patterns]);
    const started = performance.now();
    await client.query("BEGIN");
    for (let i = 0; i < rows.length; i += 5000) await insertPg(client, rows.slice(i, i + 5000));
    await client.query("COMMIT");
    return performance.now() - started;
  } finally {
    client.release();
  }
}

/** Each line of an NDJSON file, read a megabyte at a time. */
function* fileLines(file: string): Generator<string> {
  const fd = openSync(file, "r");
  const buf = Buffer.allocUnsafe(1 << 20);
  let rest = "";
  try {
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) {
      const lines = (rest + buf.toString("utf8", 0, n)).split("\n");
      rest = lines.pop()!;
      yield* lines;
    }
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}

/** (a): a plain driver loop over the file: parse each line, insert it, one transaction (SQLite; the rows are
 *  sent 5,000 at a time on PostgreSQL, as in (a0)). The events' fields are copied as they are, unchecked. */
async function rawFileLoop(db: DbHandle, file: string, patterns: string[]): Promise<number> {
  const started = performance.now();
  const receivedAt = Date.now();
  const rowOf = (e: ExecutionEvent): ExecutionRow => ({
    id: e.id!, patternId: e.patternId ?? null, operation: e.operation, inputs: e.inputs === undefined ? null : JSON.stringify(e.inputs),
    fileCount: e.files?.length ?? 0, startedAt: Date.parse(e.startedAt), durationMs: e.durationMs, success: e.success,
    errorType: e.error?.type ?? null, errorMessage: e.error?.message ?? null, errorSignature: null, errorKey: null, retryOf: null,
    fix: null, source: e.source ?? null, receivedAt, fixCommand: null, files: [],
  });
  if (db.dialect === "sqlite") {
    const raw = db.sqlite!;
    const p = raw.prepare(`INSERT INTO "patterns" ("id", "name", "createdAt", "updatedAt") VALUES (?, ?, 0, 0)`);
    const insert = raw.prepare(`INSERT INTO "executions" (${COLS}) VALUES (${Array(16).fill("?").join(", ")})`);
    raw.transaction(() => {
      for (const id of patterns) p.run(id, id);
      for (const line of fileLines(file)) {
        if (!line) continue;
        insertSqlite(insert, rowOf(JSON.parse(line) as ExecutionEvent));
      }
    })();
    return performance.now() - started;
  }
  const client = await db.pool!.connect();
  try {
    await client.query("BEGIN");
    await client.query(`INSERT INTO "patterns" ("id", "name", "createdAt", "updatedAt") SELECT id, id, now(), now() FROM unnest($1::text[]) AS t(id)`, [patterns]);
    let batch: ExecutionRow[] = [];
    for (const line of fileLines(file)) {
      if (line) batch.push(rowOf(JSON.parse(line) as ExecutionEvent));
      if (batch.length === 5000) {
        await insertPg(client, batch);
        batch = [];
      }
    }
    if (batch.length) await insertPg(client, batch);
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
  const patterns = [...new Set(rows.map((r) => r.patternId).filter((p): p is string => p !== null))];
  const dir = mkdtempSync(join(tmpdir(), "pa-bench-"));
  // NDJSON, as the issue measured; written in pieces: 3,000,000 events are more text than one string may hold
  const file = join(dir, "events.ndjson");
  const fd = openSync(file, "w");
  for (let i = 0; i < events.length; i += 10_000) writeSync(fd, events.slice(i, i + 10_000).map((e) => JSON.stringify(e) + "\n").join(""));
  closeSync(fd);
  const results: Array<Record<string, string | number>> = [];
  let ok = true;
  try {
    for (const dialect of DIALECTS) {
      // (a0), (a) and (b) alternate ROUNDS times and the medians are compared: this machine's speed drifts
      // by a third within minutes, and interleaving keeps the drift out of the ratio.
      const rawTimes: number[] = [];
      const loopTimes: number[] = [];
      const cliTimes: Array<{ ms: number; peakKb: number }> = [];
      for (let round = 0; round < ROUNDS; round++) {
        for (const [times, run] of [[rawTimes, (h: DbHandle) => rawInsert(h, rows)], [loopTimes, (h: DbHandle) => rawFileLoop(h, file, patterns)]] as const) {
          const a = await freshDb(dialect);
          const handle = openDb(a.config);
          times.push(await run(handle));
          await handle.close();
          await a.drop();
        }
        const b = await freshDb(dialect);
        cliTimes.push(cliIngest(b.url, file));
        await b.drop();
      }
      const rawMs = median(rawTimes);
      const loopMs = median(loopTimes);
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
      const loopRate = rate(loopMs);
      const cliRatio = rate(cliRun.ms) / loopRate;
      const cliPeakMib = Math.round(cliRun.peakKb / 1024);
      const httpRatio = http ? rate(http.ms) / rawRate : null;
      ok &&= cliRatio >= CLI_SHARE && cliPeakMib <= CLI_PEAK_MIB && (httpRatio === null || httpRatio >= 0.3);
      results.push({
        dialect,
        "(a0) prebuilt rows/s": rawRate,
        "(a) file loop events/s": loopRate,
        "(b) cli events/s": rate(cliRun.ms),
        "(b)/(a)": `${(cliRatio * 100).toFixed(0)} % ${cliRatio >= CLI_SHARE ? "✓" : "✗"} (≥ ${CLI_SHARE * 100} %)`,
        "(b)/(a0)": `${((rate(cliRun.ms) / rawRate) * 100).toFixed(0)} %`,
        "cli peak MiB": `${cliPeakMib} ${cliPeakMib <= CLI_PEAK_MIB ? "✓" : "✗"} (≤ ${CLI_PEAK_MIB})`,
        "(c) http events/s": http ? rate(http.ms) : "skipped",
        "(c)/(a0)": httpRatio === null ? "—" : `${(httpRatio * 100).toFixed(0)} % ${httpRatio >= 0.3 ? "✓" : "✗"} (≥ 30 %)`,
        "server peak MiB": http ? Math.round(http.peakKb / 1024) : "—",
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nbench:ingest — ${COUNT.toLocaleString("en-US")} events in an NDJSON file; (a0), (a) and (b): medians of ${ROUNDS} interleaved rounds; (c): HTTP batches of ${BATCH}, ${CONCURRENCY} requests in flight`);
  console.table(results);
  if (!ok) {
    console.log("a target was missed");
    process.exitCode = 1;
  }
}

await main();
