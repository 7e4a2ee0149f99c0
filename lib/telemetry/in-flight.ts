// How far the analysis may read executions without ever skipping one. PostgreSQL hands out `seq` values
// when rows are inserted, not when they commit: a transaction that commits late leaves rows below a cursor
// already taken as max(seq). So every ingest transaction on PostgreSQL first takes a shared advisory lock
// keyed by the sequence's last value L (all its own rows get seq > L; the sequence has no per-session
// cache). Advisory locks are visible to other sessions at once, before any commit: the highest seq that is
// settled is then min(max visible seq, smallest L still locked). Read the max FIRST, the locks after: a row
// below the max that is not yet visible belongs to a transaction that took its lock before the max was
// read, so the lock is seen (or it has ended, and its rows are visible to the reads that follow).
// SQLite needs none of this: one writer at a time, so seq order is commit order.
import type { DbHandle } from "../db/client";
import { rawAll } from "../db/raw";

/** The advisory lock class of ingest transactions ("pa" in ASCII, in a space no other lock of ours uses). */
export const INGEST_LOCK_CLASS = 0x7061_0001;

/** SQL that marks the current transaction as an ingest in flight (run right after BEGIN, before inserting). */
export const MARK_IN_FLIGHT = `SELECT pg_advisory_xact_lock_shared(${INGEST_LOCK_CLASS}, COALESCE(pg_sequence_last_value(pg_get_serial_sequence('"executions"', 'seq')), 0)::int4)`;

/** The highest execution seq below which every row is committed (or will never be): the analysis's safe upper bound. */
export async function settledSeq(db: DbHandle): Promise<number> {
  const [max] = await rawAll<{ max: number | bigint | null }>(db, `SELECT MAX("seq") AS "max" FROM "executions"`);
  const visible = Number(max?.max ?? 0);
  if (db.dialect === "sqlite") return visible;
  const [held] = await rawAll<{ low: string | number | null }>(
    db,
    `SELECT MIN("objid"::text::bigint) AS "low" FROM pg_locks
     WHERE "locktype" = 'advisory' AND "classid" = ?::int8::oid AND "objsubid" = 2
       AND "database" = (SELECT "oid" FROM pg_database WHERE "datname" = current_database())`,
    [INGEST_LOCK_CLASS],
  );
  return held?.low === null || held?.low === undefined ? visible : Math.min(visible, Number(held.low));
}
