// What cleanup asks of the database about executions past retention, one implementation per dialect
// (SQLite's raw connection, PostgreSQL's pool): cleanup works a whole UTC day at a time and deletes in
// small transactions, so it needs its own statements rather than the ORM's one-shot deleteMany.
import type { DbHandle } from "../db/client";
import { pgOldRuns } from "./pg-old-runs";
import { sqliteOldRuns } from "./sqlite-old-runs";

/** Bounds of one UTC day, and the newest `seq` cleanup may touch (the analysis cursor). */
export interface DaySlice {
  /** YYYY-MM-DD */
  day: string;
  /** epoch ms, inclusive */
  start: number;
  /** epoch ms, exclusive */
  end: number;
  maxSeq: number;
}

export interface DeletedBatch {
  executions: number;
  fileEvents: number;
  adhocShapes: number;
}

export interface OldRuns {
  /** How many executions started before `cutoff` and were read by the analysis (for progress). */
  count(cutoff: number, maxSeq: number): Promise<number>;
  /** How many executions started before `cutoff` but were not read by the analysis yet (kept). */
  countUnread(cutoff: number, maxSeq: number): Promise<number>;
  /** The earliest startedAt in [from, cutoff) among rows cleanup may touch (from: null = no lower bound), or null. */
  nextStart(from: number | null, cutoff: number, maxSeq: number): Promise<number | null>;
  /**
   * Makes the day's daily metrics hold every run of the day still stored. Ingest folds each run in
   * the transaction that stores it, so normally nothing changes; a (day, pattern, operation) whose
   * metric counts fewer runs than the table holds (rows written around ingest) is set to the table's
   * figures. Never adds to a metric that already counts the runs: nothing is counted twice.
   * Returns how many metric rows were written.
   */
  foldDay(slice: DaySlice): Promise<number>;
  /** Deletes up to `limit` of the day's rows (their files and ad-hoc shapes with them) in one transaction. */
  deleteBatch(slice: DaySlice, limit: number): Promise<DeletedBatch>;
}

export function oldRunsOf(db: DbHandle): OldRuns {
  return db.dialect === "sqlite" ? sqliteOldRuns(db.sqlite!) : pgOldRuns(db.pool!);
}

/**
 * The metric upsert both dialects share: the aggregate of the day's stored runs per (pattern, operation),
 * written only where the metric counts fewer runs. Table and column names are ours; values are bound.
 */
export function foldSql(p: (n: number) => string): string {
  return `INSERT INTO "pattern_metrics_daily" ("day", "patternId", "operation", "executions", "successes", "failures", "totalDurationMs")
    SELECT ${p(1)}, COALESCE("patternId", ''), "operation", COUNT(*),
           SUM(CASE WHEN "success" THEN 1 ELSE 0 END), SUM(CASE WHEN "success" THEN 0 ELSE 1 END), SUM("durationMs")
    FROM "executions" WHERE "startedAt" >= ${p(2)} AND "startedAt" < ${p(3)} AND "seq" <= ${p(4)}
    GROUP BY COALESCE("patternId", ''), "operation"
    ON CONFLICT ("day", "patternId", "operation") DO UPDATE SET
      "executions" = excluded."executions", "successes" = excluded."successes",
      "failures" = excluded."failures", "totalDurationMs" = excluded."totalDurationMs"
    WHERE "pattern_metrics_daily"."executions" < excluded."executions"`;
}
