// npm run bench:pg-write — what PostgreSQL itself spends per stored event on the API's write path, and where:
// the events of bench:load (same generator), parsed and checked as the route does, written by one PgSession
// per group of --group events (as the group writer does under load) into a fresh database, with the CPU time
// of that database's backends read from /proc (PostgreSQL must run on this machine; the server's own WAL writer,
// checkpointer and background writer are not counted, so the figure is a lower bound). Each variant is the
// schema as migrated with something taken away, in its own database, interleaved over --rounds rounds
// (this machine's noise is ±15 % run to run): the ratio says what that thing costs the database per event.
// bench:load says whether the target is met; this says where the database's share of the CPU goes.
// Options: --events N (200,000), --group N (250), --rounds R (3).
import { openDb, type DbHandle } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { rawAll } from "../lib/db/raw";
import { tempPostgres } from "../lib/db/testing";
import { cpuSeconds } from "../lib/server/process-cpu";
import { fastRow } from "../lib/telemetry/fast-path";
import { PgSession } from "../lib/telemetry/pg-writer";
import { countArg } from "./lib/args";
import { loadBody } from "./lib/load-client";

const EVENTS = countArg("events", 200_000, 1000);
const GROUP = countArg("group", 250, 100);
const ROUNDS = countArg("rounds", 3);
const REQUEST = 100;

const VARIANTS: Array<{ name: string; sql: string[] }> = [
  { name: "as migrated", sql: [] },
  {
    name: "executions without their 5 secondary indexes",
    sql: ["startedAt", "operation_startedAt", "source_startedAt", "errorKey_startedAt", "patternId_startedAt_seq_success_source"].map(
      (k) => `DROP INDEX "executions_${k}_idx"`,
    ),
  },
  {
    name: "daily metrics without their 2 covering indexes",
    sql: ["day_patternId_executions_successes_fa", "patternId_day_executions_successes"].map((k) => `DROP INDEX "pattern_metrics_daily_${k}_idx"`),
  },
];

async function backendsCpu(db: DbHandle): Promise<number> {
  const rows = await rawAll<{ pid: number }>(db, `SELECT "pid" FROM pg_stat_activity WHERE "datname" = current_database()`);
  let sum = 0;
  for (const r of rows) {
    const s = cpuSeconds(r.pid);
    if (s === null) throw new Error(`bench:pg-write: cannot read /proc/${r.pid}/stat: PostgreSQL must run on this machine`);
    sum += s;
  }
  return sum;
}

const walPosition = async (db: DbHandle) => (await rawAll<{ lsn: string }>(db, `SELECT pg_current_wal_lsn()::text AS "lsn"`))[0]!.lsn;

async function measure(variant: (typeof VARIANTS)[number]): Promise<{ pgUs: number; walBytes: number; wallUs: number }> {
  const temp = await tempPostgres("pg_write_bench");
  const db = openDb(temp.config);
  try {
    await migrate(temp.config);
    for (const sql of variant.sql) await db.pool!.query(sql);
    const now = Date.now();
    // the pool's connections exist before the clock starts: one warm-up group, not counted
    const warm = await PgSession.begin(db, "bench", { waitMs: 5000 });
    await warm.writeParts([{ rows: rowsOf("warm", 0, REQUEST, now), actor: "token:bench" }]);
    await warm.commit();
    const wal0 = await walPosition(db);
    const cpu0 = await backendsCpu(db);
    const t0 = performance.now();
    for (let first = 0; first < EVENTS; first += GROUP) {
      const parts = [];
      for (let r = first; r < Math.min(first + GROUP, EVENTS); r += REQUEST) parts.push({ rows: rowsOf("bench", r, Math.min(REQUEST, EVENTS - r), now), actor: "token:bench" });
      const session = await PgSession.begin(db, "bench", { waitMs: 5000 });
      await session.writeParts(parts);
      await session.commit();
    }
    const wallUs = ((performance.now() - t0) * 1000) / EVENTS;
    const pgUs = (((await backendsCpu(db)) - cpu0) * 1e6) / EVENTS;
    const [wal] = await rawAll<{ bytes: string }>(db, `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn)::text AS "bytes"`, [wal0]);
    return { pgUs, walBytes: Number(wal!.bytes) / EVENTS, wallUs };
  } finally {
    await db.close();
    await temp.drop();
  }
}

/** A request's rows, as the route makes them from the body bench:load sends. */
function rowsOf(prefix: string, first: number, count: number, now: number) {
  return (JSON.parse(loadBody(prefix, first, count, now)) as unknown[]).map((e, k) => {
    const row = fastRow(e, now);
    if (!row) throw new Error(`bench:pg-write: event ${first + k} did not pass the route's checks`);
    return row;
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const results = new Map<string, Array<Awaited<ReturnType<typeof measure>>>>(VARIANTS.map((v) => [v.name, []]));
  for (let round = 1; round <= ROUNDS; round++) {
    for (const v of VARIANTS) {
      const r = await measure(v);
      results.get(v.name)!.push(r);
      console.log(`round ${round}: ${v.name}: ${r.pgUs.toFixed(1)} µs of PostgreSQL CPU per event`);
    }
  }
  const base = median(results.get(VARIANTS[0]!.name)!.map((r) => r.pgUs));
  console.log(`\nbench:pg-write — ${EVENTS.toLocaleString("en-US")} events of bench:load, groups of ${GROUP} (requests of ${REQUEST}), medians of ${ROUNDS} interleaved rounds`);
  console.table(
    VARIANTS.map((v) => {
      const rs = results.get(v.name)!;
      const pg = median(rs.map((r) => r.pgUs));
      return {
        schema: v.name,
        "PostgreSQL CPU µs/event": pg.toFixed(1),
        "vs as migrated": (pg / base).toFixed(2),
        "WAL bytes/event": Math.round(median(rs.map((r) => r.walBytes))),
        "wall µs/event": median(rs.map((r) => r.wallUs)).toFixed(1),
      };
    }),
  );
}

await main();
