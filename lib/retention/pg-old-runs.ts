// Cleanup's statements on PostgreSQL, through the raw pool. Deletes take row locks only, so ingestion
// (which inserts new rows) is never blocked by them; batches stay bounded anyway to keep each statement's
// cascade work and WAL short. Dates are sent as UTC ISO text (timestamp(3) columns).
import type pg from "pg";
import { foldSql, type DaySlice, type OldRuns } from "./old-runs";

const iso = (ms: number) => new Date(ms).toISOString();
const OLD = `FROM "executions" WHERE "startedAt" >= $1 AND "startedAt" < $2 AND "seq" <= $3`;
/** One batch as one statement (atomic on its own); `picked` is referenced twice, so it is evaluated once. */
const DELETE_BATCH = `WITH picked AS (SELECT "seq" ${OLD} LIMIT $4),
  shapes AS (DELETE FROM "adhoc_shapes" WHERE "seq" IN (SELECT "seq" FROM picked) RETURNING 1),
  runs AS (DELETE FROM "executions" WHERE "seq" IN (SELECT "seq" FROM picked) RETURNING "fileCount")
  SELECT (SELECT COUNT(*) FROM runs), (SELECT COALESCE(SUM("fileCount"), 0) FROM runs), (SELECT COUNT(*) FROM shapes)`;
/** Before any date a run can have (PostgreSQL timestamps start in 4713 BC; ISO text in JavaScript cannot go that far). */
const MIN_TS = "0001-01-01T00:00:00.000Z";

export function pgOldRuns(pool: pg.Pool): OldRuns {
  const one = async <T>(sql: string, params: unknown[]): Promise<T> => (await pool.query({ text: sql, values: params, rowMode: "array" })).rows[0]![0] as T;

  return {
    count: async (cutoff, maxSeq) => Number(await one<string>(`SELECT COUNT(*) ${OLD}`, [MIN_TS, iso(cutoff), maxSeq])),
    countUnread: async (cutoff, maxSeq) => Number(await one<string>(`SELECT COUNT(*) FROM "executions" WHERE "startedAt" < $1 AND "seq" > $2`, [iso(cutoff), maxSeq])),
    nextStart: async (from, cutoff, maxSeq) => {
      const first = await one<Date | null>(`SELECT MIN("startedAt") ${OLD}`, [from === null ? MIN_TS : iso(from), iso(cutoff), maxSeq]);
      return first ? first.getTime() : null;
    },
    foldDay: async (s: DaySlice) => (await pool.query(foldSql((n) => `$${n}`), [s.day, iso(s.start), iso(s.end), s.maxSeq])).rowCount ?? 0,
    deleteBatch: async (s: DaySlice, limit: number) => {
      // the cascade deletes the runs' files; they are counted by the runs' fileCount
      const r = await pool.query({ text: DELETE_BATCH, values: [iso(s.start), iso(s.end), s.maxSeq, limit], rowMode: "array" });
      const [executions, fileEvents, adhocShapes] = (r.rows[0] as string[]).map(Number) as [number, number, number];
      return { executions, fileEvents, adhocShapes };
    },
  };
}
