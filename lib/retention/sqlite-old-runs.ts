// Cleanup's statements on SQLite, through the raw connection: each batch is one short IMMEDIATE
// transaction (SQLite has one writer at a time; ingestion waits for it, so a batch must stay short).
// Dates are epoch milliseconds, as the adapter stores them.
import type Database from "better-sqlite3";
import { foldSql, type DaySlice, type OldRuns } from "./old-runs";

export function sqliteOldRuns(raw: Database.Database): OldRuns {
  // The startedAt index is named so the planner never walks the table by seq instead.
  const old = `FROM "executions" INDEXED BY "executions_startedAt_idx" WHERE "startedAt" >= ? AND "startedAt" < ? AND "seq" <= ?`;
  const count = raw.prepare(`SELECT COUNT(*) ${old}`).pluck();
  const countUnread = raw.prepare(`SELECT COUNT(*) FROM "executions" INDEXED BY "executions_startedAt_idx" WHERE "startedAt" < ? AND "seq" > ?`).pluck();
  const next = raw.prepare(`SELECT MIN("startedAt") ${old}`).pluck();
  const fold = raw.prepare(foldSql(() => "?"));
  const pick = raw.prepare(`SELECT "seq" ${old} LIMIT ?`).pluck();
  const delShapes = raw.prepare(`DELETE FROM "adhoc_shapes" WHERE "seq" IN (SELECT value FROM json_each(?))`);
  const delRuns = raw.prepare(`DELETE FROM "executions" WHERE "seq" IN (SELECT value FROM json_each(?))`);
  // The cascade deletes the runs' files; SQLite counts those deletes in total_changes() (not in changes).
  const totalChanges = raw.prepare(`SELECT total_changes()`).pluck();

  const deleteBatch = raw.transaction((s: DaySlice, limit: number) => {
    const seqs = pick.all(s.start, s.end, s.maxSeq, limit) as number[];
    if (seqs.length === 0) return { executions: 0, fileEvents: 0, adhocShapes: 0 };
    const list = JSON.stringify(seqs);
    const adhocShapes = delShapes.run(list).changes;
    const before = totalChanges.get() as number;
    const executions = delRuns.run(list).changes;
    return { executions, fileEvents: (totalChanges.get() as number) - before - executions, adhocShapes };
  });
  const foldDay = raw.transaction((s: DaySlice) => fold.run(s.day, s.start, s.end, s.maxSeq).changes);

  return {
    count: async (cutoff, maxSeq) => count.get(Number.MIN_SAFE_INTEGER, cutoff, maxSeq) as number,
    countUnread: async (cutoff, maxSeq) => countUnread.get(cutoff, maxSeq) as number,
    nextStart: async (from, cutoff, maxSeq) => (next.get(from ?? Number.MIN_SAFE_INTEGER, cutoff, maxSeq) as number | null) ?? null,
    foldDay: async (s) => foldDay.immediate(s),
    deleteBatch: async (s, limit) => deleteBatch.immediate(s, limit),
  };
}
