// The API's SQLite writer thread. better-sqlite3 is synchronous: a write waiting for another process's
// lock would hold the server's event loop. Here it holds only this thread. Requests that arrive while a
// transaction runs are stored together in the next one (group commit), each inside its own savepoint, so
// one request is still all or nothing. A request that cannot start before its deadline (the database is
// locked, or this thread is behind) is answered "busy" with nothing written.
import Database from "better-sqlite3";
import { parentPort, workerData } from "node:worker_threads";
import { MetricFold } from "./normalize";
import { SqliteWriter, type PackedRows } from "./sqlite-writer";
import { walFileBytes } from "./wal-file";

export type RequestWriterJob =
  | { type: "store"; id: number; rows: PackedRows; actor: string; deadline: number; events: number }
  | { type: "touch"; id: number; tokenId: string; at: number; deadline: number; events: 0 };

export type RequestWriterReply =
  | { id: number; ok: true; accepted: number; duplicates: number; registeredPatterns: string[] }
  | { id: number; ok: false; code: string; message: string };

const { file, maxGroupEvents, walRestartBytes } = workerData as { file: string; maxGroupEvents: number; walRestartBytes: number };
const port = parentPort!;
/** How long one attempt to take the write lock may block this thread before deadlines are checked again. */
const LOCK_SLICE_MS = 40;

let db: Database.Database | null = null;
let writer: SqliteWriter | null = null;
let touch: Database.Statement | null = null;
/** Transaction control, prepared once: one group runs BEGIN, COMMIT and a savepoint pair per request. */
let tx: Record<"begin" | "commit" | "savepoint" | "release" | "rollbackTo", Database.Statement> | null = null;
const queue: RequestWriterJob[] = [];
let scheduled = false;

function open(): Database.Database {
  if (db) return db;
  const conn = new Database(file, { timeout: LOCK_SLICE_MS });
  try {
    conn.pragma("journal_mode = WAL");
    conn.pragma("synchronous = NORMAL");
    conn.pragma("foreign_keys = ON");
    // Each event touches the table and seven indexes at scattered keys: a 64 MiB page cache keeps the
    // indexes' inner pages in memory. Checkpoints are not this thread's: a commit that ran one waited
    // 60–80 ms for it, and a whole group of requests with it; the checkpointer thread runs them
    // (wal-checkpointer-worker.ts). When the WAL starts over, SQLite cuts the file back to walRestartBytes,
    // never further: cutting a 512 MB file to 64 MiB there held this thread ~400 ms every ~5 s (bench:load's
    // p99 370 ms); past the bound it cuts only the last group's overshoot. The checkpointer cuts the rest when
    // quiet.
    conn.pragma("cache_size = -65536");
    conn.pragma("wal_autocheckpoint = 0");
    conn.pragma(`journal_size_limit = ${Math.floor(walRestartBytes)}`);
    writer = new SqliteWriter(conn, "telemetry");
    touch = conn.prepare(`UPDATE "api_tokens" SET "lastUsedAt" = ? WHERE "id" = ?`);
    tx = {
      begin: conn.prepare("BEGIN IMMEDIATE"),
      commit: conn.prepare("COMMIT"),
      savepoint: conn.prepare("SAVEPOINT request"),
      release: conn.prepare("RELEASE request"),
      rollbackTo: conn.prepare("ROLLBACK TO request"),
    };
  } catch (error) {
    conn.close();
    throw error;
  }
  db = conn;
  return conn;
}

/** Drops the connection after a failure: one opened on a read-only file, or a lost file, stays broken. */
function reset(): void {
  try {
    if (db?.inTransaction) db.exec("ROLLBACK");
    db?.close();
  } catch {
    /* going away anyway */
  }
  db = null;
  writer = null;
  touch = null;
  tx = null;
}

const codeOf = (error: unknown) => String((error as { code?: unknown }).code ?? "SQLITE_ERROR");
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const isBusy = (error: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(codeOf(error));

function fail(job: RequestWriterJob, code: string, message: string): void {
  port.postMessage({ id: job.id, ok: false, code, message } satisfies RequestWriterReply);
}

function schedule(delay = 0): void {
  if (scheduled) return;
  scheduled = true;
  const run = () => {
    scheduled = false;
    drain();
  };
  if (delay > 0) setTimeout(run, delay);
  else setImmediate(run);
}

/** Answers "busy" to every queued request whose deadline passed before its transaction could start. */
function expire(now: number): void {
  for (let i = queue.length - 1; i >= 0; i--) {
    if (queue[i]!.deadline <= now) {
      const [job] = queue.splice(i, 1);
      fail(job!, "SQLITE_BUSY", "the write did not start before its deadline");
    }
  }
}

function drain(): void {
  expire(Date.now());
  if (queue.length === 0) return;
  try {
    open();
    tx!.begin.run();
  } catch (error) {
    if (isBusy(error)) {
      schedule(1); // let other messages in, then try again until the deadlines pass
      return;
    }
    reset();
    for (const job of queue.splice(0)) fail(job, codeOf(error), messageOf(error));
    return;
  }
  // the group: requests in arrival order, up to a bound so one transaction stays short
  const group: RequestWriterJob[] = [];
  let events = 0;
  while (queue.length && (group.length === 0 || events + queue[0]!.events <= maxGroupEvents)) {
    const job = queue.shift()!;
    events += job.events;
    group.push(job);
  }
  const replies: RequestWriterReply[] = [];
  const w = writer!;
  w.startTransaction();
  const fold = new MetricFold();
  try {
    for (const job of group) {
      tx!.savepoint.run();
      try {
        if (job.type === "touch") {
          touch!.run(job.at, job.tokenId);
          replies.push({ id: job.id, ok: true, accepted: 0, duplicates: 0, registeredPatterns: [] });
        } else {
          const own = new MetricFold();
          const totals = w.writeOne(job.rows, job.actor, own);
          fold.merge(own);
          replies.push({ id: job.id, ok: true, ...totals });
        }
        tx!.release.run();
      } catch (error) {
        tx!.rollbackTo.run();
        tx!.release.run();
        w.forgetPatterns();
        replies.push({ id: job.id, ok: false, code: codeOf(error), message: messageOf(error) });
      }
    }
    w.foldMetrics(fold);
    tx!.commit.run();
  } catch (error) {
    reset();
    for (const job of group) fail(job, codeOf(error), messageOf(error));
    if (queue.length) schedule();
    return;
  }
  for (const reply of replies) port.postMessage(reply);
  restartLongWal();
  if (queue.length) schedule();
}

/**
 * Starts the WAL over once it has grown past walRestartBytes. The checkpointer thread's PASSIVE rounds copy
 * the WAL into the database behind this thread, but SQLite writes from the start of the file again only when
 * a transaction begins with every frame copied, which a writer that commits back to back never gives it:
 * under a sustained load the file grew by ~100 MB a second (6 GB in bench:load's 60 s). A RESTART checkpoint
 * here, between two groups (their replies already sent), copies what the last round left and waits for
 * readers to leave the WAL (up to LOCK_SLICE_MS), so the next group writes from its start and SQLite cuts the
 * file back to the bound (journal_size_limit): the size is over the bound again only once the WAL itself is.
 * Busy (a checkpointer round under way, a reader that stays) answers busy = 1: tried again after the next group.
 */
function restartLongWal(): void {
  if (!db || walFileBytes(file) <= walRestartBytes) return;
  try {
    db.pragma("wal_checkpoint(RESTART)");
  } catch {
    reset(); // not busy (that is an answer, not an error): the connection is suspect; the next group reopens
  }
}

port.postMessage({ type: "ready" });
port.on("message", (job: RequestWriterJob | { type: "close" }) => {
  if (job.type === "close") {
    reset();
    port.close();
    return;
  }
  queue.push(job);
  schedule();
});
