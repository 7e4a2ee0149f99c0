// The bulk write path: stores normalised rows with the raw driver (prepared statements in one
// SQLite transaction; unnest() multi-row INSERTs in one PostgreSQL transaction). Ids already stored,
// or repeated inside the batch, are duplicates: ON CONFLICT DO NOTHING makes that true under races too.
import type { DbHandle } from "../db/client";
import type { ExecutionRow } from "./normalize";
import { PgSession } from "./pg-writer";
import { packRows, SqliteWriter } from "./sqlite-writer";

export interface StoreResult {
  accepted: number;
  duplicates: number;
  /** Pattern ids registered by this batch because telemetry named them first. */
  registeredPatterns: string[];
}

export async function storeRows(db: DbHandle, rows: ExecutionRow[], actor = "telemetry"): Promise<StoreResult> {
  if (rows.length === 0) return { accepted: 0, duplicates: 0, registeredPatterns: [] };
  return db.dialect === "sqlite" ? storeSqlite(db, rows, actor) : storePostgres(db, rows, actor);
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
