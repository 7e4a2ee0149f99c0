// The thread that copies the API writer's WAL back into the SQLite database file. SQLite does this in the
// connection that commits, once the WAL passes a size: the writer thread then spent 60–80 ms of a commit
// copying pages and waiting for fsync, and every request of the next group waited with it (bench:load's p99
// was that pause). The writer turns its own checkpoints off (request-writer-worker.ts) and this thread runs
// a PASSIVE one every `everyMs` while the writer writes (every `quietEveryMs` when a round saw nothing new):
// it never waits for the writer or for readers, and one that finds nothing new to copy costs next to nothing.
// Frequent rounds keep what is left to copy small when the writer restarts the WAL (a pause for its requests).
// At a restart the writer cuts the file back only to its bound (a deeper cut there paused requests); once a
// round finds everything copied and nothing committed since the round before, the writer is quiet, and a WAL
// file larger than truncateAboveBytes is cut to nothing here.
import Database from "better-sqlite3";
import { parentPort, workerData } from "node:worker_threads";
import { walFileBytes } from "./wal-file";

const {
  file,
  everyMs,
  quietEveryMs = everyMs,
  truncateAboveBytes = Number.POSITIVE_INFINITY,
} = workerData as { file: string; everyMs: number; quietEveryMs?: number; truncateAboveBytes?: number };
/** The wait before the next round: short while the writer writes. */
let nextMs = quietEveryMs;
/** data_version at the last round: it changes whenever another connection commits, so unchanged means no writes between. */
let lastVersion = -1;
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

function checkpoint(): void {
  try {
    // a file that is not there yet (or any more) is left alone: this thread never creates one
    db ??= openWal();
    const [result] = db.pragma("wal_checkpoint(PASSIVE)") as Array<{ busy: number; log: number; checkpointed: number }>;
    if (result?.busy) {
      nextMs = everyMs; // another checkpoint (the writer's RESTART) holds the lock: soon again
    } else {
      // log -1 without busy: this connection has no WAL open (it never read since the file went to WAL mode)
      if (!result || result.log < 0) throw new Error("no WAL open on this connection");
      const version = db.pragma("data_version", { simple: true }) as number;
      const wrote = version !== lastVersion;
      const quiet = !wrote && result.log === result.checkpointed;
      lastVersion = version;
      nextMs = wrote ? everyMs : quietEveryMs;
      // TRUNCATE takes the write lock while it cuts (~0.5 ms per MB: a file at the writer's 4 GiB bound takes
      // seconds); without a wait (timeout 0) it gives way to a writer that holds the lock, and a request that
      // comes meanwhile waits for it (answered busy after LOCK_WAIT_MS)
      if (quiet && walFileBytes(file) > truncateAboveBytes) db.pragma("wal_checkpoint(TRUNCATE)");
    }
  } catch {
    // busy, read-only or gone: try again on the next round with a fresh connection
    try {
      db?.close();
    } catch {
      /* closing anyway */
    }
    db = null;
    lastVersion = -1; // data_version is a connection's own count
    nextMs = quietEveryMs;
  }
  timer = setTimeout(checkpoint, nextMs);
}

timer = setTimeout(checkpoint, nextMs);
parentPort!.on("message", (message: "close") => {
  if (message !== "close") return;
  if (timer) clearTimeout(timer);
  db?.close();
  parentPort!.close();
});
