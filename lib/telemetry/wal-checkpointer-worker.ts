// The thread that copies the API writer's WAL back into the SQLite database file. SQLite does this in the
// connection that commits, once the WAL passes a size: the writer thread then spent 60–80 ms of a commit
// copying pages and waiting for fsync, and every request of the next group waited with it (bench:load's p99
// was that pause). The writer turns its own checkpoints off (request-writer-worker.ts) and this thread runs
// a PASSIVE one every CHECKPOINT_EVERY_MS: it never waits for the writer or for readers, and one that finds
// nothing new to copy costs next to nothing.
import Database from "better-sqlite3";
import { parentPort, workerData } from "node:worker_threads";

const { file, everyMs } = workerData as { file: string; everyMs: number };
let db: Database.Database | null = null;
let timer: NodeJS.Timeout | null = null;

function checkpoint(): void {
  try {
    // a file that is not there yet (or any more) is left alone: this thread never creates one
    db ??= new Database(file, { fileMustExist: true, timeout: 0 });
    db.pragma("wal_checkpoint(PASSIVE)");
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
