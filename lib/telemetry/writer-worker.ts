// Worker thread of `patterns ingest` on SQLite: owns one connection and one transaction for the whole
// file, storing chunks as the main thread validates them; commits only when told that all were valid. Each
// chunk stored is acknowledged, so the main thread never runs more than a couple of chunks ahead.
import Database from "better-sqlite3";
import { parentPort, workerData } from "node:worker_threads";
import { SqliteWriter, type PackedRows } from "./sqlite-writer";

/** Rows arrive packed (a string and typed arrays): that crosses the thread boundary far cheaper than a graph. */
export type WriterMessage = { type: "rows"; rows: PackedRows } | { type: "commit" } | { type: "rollback" };
export type WriterReply =
  | { type: "stored" }
  | { type: "done"; accepted: number; duplicates: number; registeredPatterns: string[] }
  | { type: "error"; message: string }
  | { type: "rolledBack" };

const { file, actor } = workerData as { file: string; actor: string };
const port = parentPort!;
let db: Database.Database | null = null;
let writer: SqliteWriter | null = null;

function fail(error: unknown) {
  try {
    if (db?.inTransaction) db.exec("ROLLBACK");
  } catch {
    /* the connection is going away anyway */
  }
  port.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) } satisfies WriterReply);
}

try {
  db = new Database(file, { timeout: 10_000 });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.exec("BEGIN IMMEDIATE");
  writer = new SqliteWriter(db, actor);
} catch (error) {
  fail(error);
}

port.on("message", (message: WriterMessage) => {
  if (!db || !writer) return;
  try {
    if (message.type === "rows") {
      writer.write(message.rows);
      // the reader sends the next chunk only when few are waiting: memory stays bounded
      port.postMessage({ type: "stored" } satisfies WriterReply);
    } else if (message.type === "commit") {
      const totals = writer.finish();
      db.exec("COMMIT");
      port.postMessage({ type: "done", ...totals } satisfies WriterReply);
    } else {
      db.exec("ROLLBACK");
      port.postMessage({ type: "rolledBack" } satisfies WriterReply);
    }
  } catch (error) {
    fail(error);
    writer = null;
  }
});
