// The size of a SQLite database's WAL file, as the API's writer and checkpointer threads bound it
// (request-writer-worker.ts, wal-checkpointer-worker.ts) and their test checks it: one reading of "no file".
import { statSync } from "node:fs";

/** Bytes in `<database>-wal`; 0 when there is none (not yet in WAL mode, or folded away on the last close). */
export function walFileBytes(databaseFile: string): number {
  try {
    return statSync(`${databaseFile}-wal`).size;
  } catch {
    return 0;
  }
}
