// The thread that copies the API writer's WAL back into the SQLite database file. SQLite does this in the
// connection that commits, once the WAL passes a size: the writer thread then spent 60–80 ms of a commit
// copying pages and waiting for fsync, and every request of the next group waited with it (bench:load's p99
// was that pause). The writer turns its own checkpoints off (request-writer-worker.ts) and this thread runs
// a PASSIVE one every CHECKPOINT_EVERY_MS: it never waits for the writer or for readers, and one that finds
// nothing new to copy costs next to nothing. The writer keeps the WAL file's size when the WAL restarts
// (cutting it there paused requests); once a round finds everything copied and nothing written since the
// round before, the writer is quiet, and a WAL file larger than truncateAboveBytes is cut to nothing here.
import Database from "better-sqlite3";
import { statSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";

const { file, everyMs, truncateAboveBytes } = workerData as { file: string; everyMs: number; truncateAboveBytes: number };
/** The WAL's frame count at the last round: the same count, all copied, twice in a row means no writes between. */
let lastLog = -1;
let db: Database.Database | null = null;
let timer: NodeJS.Timeout | null = null;

/**
 * A connection that has the WAL open. SQLite opens a connection's WAL on its first read, and a checkpoint is
 * not a read: a connection that first met the file before it went to WAL mode (the writer thread may still
 * be loading when this thread's first round runs) and only ever checkpointed copied nothing, for good
 * (wal_checkpoint answered log -1 every round; under bench:load the WAL grew past 2 GB while the database
 * file kept its size). wal-checkpointer.test.ts replays that start.
 */
function openWal(): Database.Database {
  const conn = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    conn.prepare("SELECT count(*) FROM sqlite_master").get();
    return conn;
  } catch (error) {
    conn.close();
    throw error;
  }
}

function walBytes(): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

function checkpoint(): void {
  try {
    // a file that is not there yet (or any more) is left alone: this thread never creates one
    db ??= openWal();
    // log -1: this connection has no WAL open (it never read since the file went to WAL mode); open afresh
    const [result] = db.pragma("wal_checkpoint(PASSIVE)") as Array<{ log: number; checkpointed: number }>;
    if (!result || result.log < 0) throw new Error("no WAL open on this connection");
    const quiet = result.log === result.checkpointed && result.log === lastLog;
    lastLog = result.log;
    // TRUNCATE takes the write lock for the moment it runs; without a wait (timeout 0) it gives way to a writer
    if (quiet && result.log > 0 && walBytes() > truncateAboveBytes) db.pragma("wal_checkpoint(TRUNCATE)");
  } catch {
    // busy, read-only or gone: try again on the next round with a fresh connection
    try {
      db?.close();
    } catch {
      /* closing anyway */
    }
    db = null;
  }
  timer = setTimeout(checkpoint, everyMs);
}

timer = setTimeout(checkpoint, everyMs);
parentPort!.on("message", (message: "close") => {
  if (message !== "close") return;
  if (timer) clearTimeout(timer);
  db?.close();
  parentPort!.close();
});
