// How big each delete batch is and how long cleanup rests between batches, so that cleanup never
// holds up ingestion for long. SQLite has one writer at a time: a writer that finds the database busy
// sleeps and retries (its busy handler: 1, 2, 5, … then 100 ms between tries), so a free moment shorter
// than its sleep can be missed over and over. Cleanup therefore keeps each batch near `targetMs` and,
// after every `lockedMs` of holding the lock, rests longer than the longest sleep: every waiting writer's
// next try falls in that rest. A waiter is held up at most about `lockedMs` + one batch + 100 ms.
// PostgreSQL deletes take row locks that never block inserts: no rest is needed, only bounded batches.
import type { Dialect } from "../db/config";

interface Tuning {
  firstSize: number;
  minSize: number;
  maxSize: number;
  /** aimed-for duration of one batch (one transaction) */
  targetMs: number;
  /** lock time between two long rests (SQLite) */
  lockedMs: number;
  /** a long rest: longer than the busy handler's longest sleep (100 ms) */
  restMs: number;
}

const TUNING: Record<Dialect, Tuning> = {
  sqlite: { firstSize: 2_000, minSize: 200, maxSize: 50_000, targetMs: 60, lockedMs: 400, restMs: 110 },
  postgresql: { firstSize: 5_000, minSize: 500, maxSize: 50_000, targetMs: 200, lockedMs: Infinity, restMs: 0 },
};

export class BatchPacer {
  private readonly t: Tuning;
  private current: number;
  private lockedSinceRest = 0;

  constructor(dialect: Dialect) {
    this.t = TUNING[dialect];
    this.current = this.t.firstSize;
  }

  /** Rows to delete in the next batch. */
  get size(): number {
    return this.current;
  }

  /**
   * Takes the duration of the batch just done (with how many rows it deleted) and returns how long to
   * rest before the next one (0: only let the event loop run, as an in-process ingest needs).
   */
  after(batchMs: number, rows: number): number {
    if (rows >= this.current && batchMs > 0) {
      // scale toward the target, at most doubling per step so one fast batch cannot overshoot
      const scaled = Math.round(this.current * Math.min(2, this.t.targetMs / batchMs));
      this.current = Math.max(this.t.minSize, Math.min(this.t.maxSize, scaled));
    } else if (batchMs > this.t.targetMs * 2) {
      this.current = Math.max(this.t.minSize, Math.round(this.current / 2));
    }
    this.lockedSinceRest += batchMs;
    if (this.lockedSinceRest < this.t.lockedMs) return 0;
    this.lockedSinceRest = 0;
    return this.t.restMs;
  }
}
