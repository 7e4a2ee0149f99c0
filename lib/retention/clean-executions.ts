// Executions past retention leave the table a whole UTC day at a time: first the day's daily metrics
// are made to hold every run of the day (ingest already folded them: normally nothing changes), then the
// day's rows are deleted in small, paced batches with their files and ad-hoc shapes. Charts, the
// evolution step and reports read the daily metrics, so they show the same numbers afterwards.
import type { DbHandle } from "../db/client";
import { BatchPacer } from "./batch-pacer";
import { oldRunsOf, type DaySlice } from "./old-runs";

const DAY_MS = 86_400_000;
const BUSY_RETRY_MS = 500;
const BUSY_GIVE_UP_MS = 120_000;

export interface CleanedExecutions {
  executionsDeleted: number;
  fileEventsDeleted: number;
  adhocShapesDeleted: number;
  /** days whose executions were deleted (their runs live on in the daily metrics) */
  daysFolded: number;
  /** daily metric rows written because they counted fewer runs than the table held */
  metricRowsRepaired: number;
  /** executions past retention the analysis has not read yet: kept until it has */
  keptUnanalysed: number;
}

export interface CleanOptions {
  /** epoch ms, a UTC midnight: executions that started before it go */
  cutoff: number;
  /** the analysis cursor: rows it has not read are never deleted */
  maxSeq: number;
  onBatch?: (deleted: number, total: number) => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));

/** SQLite answers SQLITE_BUSY when another connection held the lock past the busy timeout (a long ingest). */
async function patiently<T>(fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + BUSY_GIVE_UP_MS;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() > deadline) throw error;
      await sleep(BUSY_RETRY_MS);
    }
  }
}

export async function cleanExecutions(db: DbHandle, opts: CleanOptions): Promise<CleanedExecutions> {
  const store = oldRunsOf(db);
  const out: CleanedExecutions = { executionsDeleted: 0, fileEventsDeleted: 0, adhocShapesDeleted: 0, daysFolded: 0, metricRowsRepaired: 0, keptUnanalysed: 0 };
  const total = await store.count(opts.cutoff, opts.maxSeq);
  const pacer = new BatchPacer(db.dialect);
  let from: number | null = null;
  for (;;) {
    const first = await store.nextStart(from, opts.cutoff, opts.maxSeq);
    if (first === null) break;
    const start = Math.floor(first / DAY_MS) * DAY_MS;
    const slice: DaySlice = { day: new Date(start).toISOString().slice(0, 10), start, end: Math.min(start + DAY_MS, opts.cutoff), maxSeq: opts.maxSeq };
    out.metricRowsRepaired += await patiently(() => store.foldDay(slice));
    for (;;) {
      const began = performance.now();
      const batch = await patiently(() => store.deleteBatch(slice, pacer.size));
      const rest = pacer.after(performance.now() - began, batch.executions);
      if (batch.executions === 0) break;
      out.executionsDeleted += batch.executions;
      out.fileEventsDeleted += batch.fileEvents;
      out.adhocShapesDeleted += batch.adhocShapes;
      opts.onBatch?.(out.executionsDeleted, total);
      await sleep(rest);
    }
    out.daysFolded++;
    from = slice.end;
  }
  out.keptUnanalysed = await store.countUnread(opts.cutoff, opts.maxSeq);
  return out;
}
