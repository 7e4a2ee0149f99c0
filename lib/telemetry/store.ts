// The bulk write path: stores normalised rows with the raw driver (prepared statements in one
// SQLite transaction; unnest() multi-row INSERTs in one PostgreSQL transaction). Ids already stored,
// or repeated inside the batch, are duplicates: ON CONFLICT DO NOTHING makes that true under races too.
// Request handlers store "in the background": on SQLite through the writer thread, on PostgreSQL through
// the group writer; both with a bounded wait, so a busy database answers 503 instead of holding them.
import type { DbHandle } from "../db/client";
import type { ExecutionRow } from "./normalize";
import { pgGroupWriter } from "./pg-group-writer";
import { PgSession } from "./pg-writer";
import { LOCK_WAIT_MS, requestWriter } from "./request-writer";
import { packRows, SqliteWriter } from "./sqlite-writer";

export interface StoreResult {
  accepted: number;
  duplicates: number;
  /** Pattern ids registered by this batch because telemetry named them first. */
  registeredPatterns: string[];
}

export interface StoreOptions {
  /** A request handler's store: off the event loop, waiting at most LOCK_WAIT_MS for the database. */
  background?: boolean;
}

export async function storeRows(db: DbHandle, rows: ExecutionRow[], actor = "telemetry", opts: StoreOptions = {}): Promise<StoreResult> {
  if (rows.length === 0) return { accepted: 0, duplicates: 0, registeredPatterns: [] };
  if (db.dialect === "sqlite") return opts.background ? requestWriter(db).store(rows, actor) : storeSqlite(db, rows, actor);
  return opts.background ? pgGroupWriter(db).store(rows, actor, LOCK_WAIT_MS) : storePostgres(db, rows, actor);
}

function storeSqlite(db: DbHandle, rows: ExecutionRow[], actor: string): StoreResult {
  const raw = db.sqlite!;
  const store = raw.transaction((): StoreResult => {
    const writer = new SqliteWriter(raw, actor);
    writer.write(packRows(rows));
    return writer.finish();
  });
  return store.immediate();
}

async function storePostgres(db: DbHandle, rows: ExecutionRow[], actor: string): Promise<StoreResult> {
  const session = await PgSession.begin(db, actor);
  try {
    await session.write(rows);
    return await session.commit();
  } catch (error) {
    await session.rollback();
    throw error;
  }
}
