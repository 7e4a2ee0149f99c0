// The API's PostgreSQL writes, grouped: requests that arrive while a transaction is being written are
// stored together in the next one (one commit, one upsert of the daily metrics), as the SQLite writer
// thread does. One transaction per request made every request wait its turn on the same metric rows (each
// holds their locks until its commit): on this 2-core machine two app instances stored 6,900 events/s at
// p99 1.5 s. A request still gets its own answer, and nothing of it is stored unless all of it is. A
// group that fails for a reason of its own (not a passing database problem) is written again request by
// request, so one request the database refuses cannot fail the others. A request that cannot start within
// its wait is answered busy (503) with nothing written, at its own deadline, even while a slow group holds
// the queue: once a group has started, its requests wait for its outcome (it may still commit).
import type { DbHandle } from "../db/client";
import { classifyDatabaseError, DatabaseUnavailableError, unavailable } from "../db/unavailable";
import type { ExecutionRow } from "./normalize";
import { PgSession, type SessionTotals } from "./pg-writer";

/** Events written in one transaction, at most: a group stays short however far behind the writer is. */
const MAX_GROUP_EVENTS = 20_000;
/** Events waiting, at most: beyond it requests are answered busy at once. */
const MAX_QUEUED_EVENTS = 200_000;

interface Job {
  rows: ExecutionRow[];
  actor: string;
  deadline: number;
  resolve: (totals: SessionTotals) => void;
  reject: (error: Error) => void;
  /** answers the job busy if it is still queued at its deadline */
  timer: NodeJS.Timeout;
  /** answered busy while queued: left in the queue (removing it would cost a scan), skipped by the drain */
  expired?: boolean;
}

const notInTime = () => new DatabaseUnavailableError(unavailable("busy", "the database did not take the write in time; nothing was stored, try again shortly"));

export class PgGroupWriter {
  private readonly queue: Job[] = [];
  private queued = 0;
  private running = false;

  constructor(private readonly db: DbHandle) {}

  store(rows: ExecutionRow[], actor: string, waitMs: number): Promise<SessionTotals> {
    if (this.queued + rows.length > MAX_QUEUED_EVENTS) {
      return Promise.reject(new DatabaseUnavailableError(unavailable("busy", "the server is storing as fast as it can; nothing was stored, try again shortly")));
    }
    return new Promise((resolve, reject) => {
      const job: Job = { rows, actor, deadline: Date.now() + waitMs, resolve, reject, timer: setTimeout(() => this.expire(job), waitMs) };
      this.queue.push(job);
      this.queued += rows.length;
      if (!this.running) void this.drain();
    });
  }

  /** A job whose deadline passed before a group took it (a group clears the timer as it takes a job): answered busy. */
  private expire(job: Job): void {
    job.expired = true;
    this.queued -= job.rows.length;
    job.reject(notInTime());
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length) {
        const group: Job[] = [];
        let events = 0;
        const now = Date.now();
        while (this.queue.length && (group.length === 0 || events + this.queue[0]!.rows.length <= MAX_GROUP_EVENTS)) {
          const job = this.queue.shift()!;
          clearTimeout(job.timer);
          if (!job.expired && job.deadline <= now) this.expire(job); // due, but its timer has not run yet
          if (job.expired) continue;
          events += job.rows.length;
          group.push(job);
        }
        this.queued -= events;
        if (group.length) await this.writeGroup(group);
      }
    } finally {
      this.running = false;
    }
  }

  /** Writes jobs taken before their deadlines (drain answers the late ones busy). */
  private async writeGroup(group: Job[]): Promise<void> {
    // the whole group waits at most as long as its least patient request may
    const waitMs = Math.max(1, Math.min(...group.map((j) => j.deadline)) - Date.now());
    try {
      const results = await writeTogether(this.db, group, waitMs);
      group.forEach((job, k) => job.resolve(results[k]!));
    } catch (error) {
      if (group.length === 1 || error instanceof DatabaseUnavailableError || classifyDatabaseError(error)) {
        for (const job of group) job.reject(error as Error);
        return;
      }
      // something in one request the database refuses: each on its own, so only that one fails
      for (const job of group) {
        try {
          job.resolve((await writeTogether(this.db, [job], Math.max(1, job.deadline - Date.now())))[0]!);
        } catch (own) {
          job.reject(own as Error);
        }
      }
    }
  }
}

async function writeTogether(db: DbHandle, group: Job[], waitMs: number): Promise<SessionTotals[]> {
  const session = await PgSession.begin(db, group[0]!.actor, { waitMs });
  try {
    const results = await session.writeParts(group.map((j) => ({ rows: j.rows, actor: j.actor })));
    await session.commit();
    return results;
  } catch (error) {
    await session.rollback();
    throw error;
  }
}

// On globalThis: the production server holds this module twice (lib/server/web-server.ts); one queue per database.
const holder = globalThis as unknown as { patternsPgGroupWriters?: WeakMap<DbHandle, PgGroupWriter> };
const writers = (holder.patternsPgGroupWriters ??= new WeakMap<DbHandle, PgGroupWriter>());

/** The handle's group writer (PostgreSQL). */
export function pgGroupWriter(db: DbHandle): PgGroupWriter {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new PgGroupWriter(db)));
  return writer;
}
