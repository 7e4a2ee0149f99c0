// The request thread's side of the API's SQLite writer thread (request-writer-worker.ts): hands it one
// request's rows and waits for its own answer, without ever blocking the event loop. A writer that
// cannot write says why (busy, read-only, full…), which the route answers with 503 and Retry-After.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { DbHandle } from "../db/client";
import { packageRoot } from "../db/paths";
import { classifyDatabaseError, DatabaseUnavailableError, unavailable } from "../db/unavailable";
import type { ExecutionRow } from "./normalize";
import type { RequestWriterJob, RequestWriterReply } from "./request-writer-worker";
import { packRows } from "./sqlite-writer";
import type { StoreResult } from "./store";

/** How long a request may wait for the write lock (or for the writer to get to it) before it is answered busy. */
export const LOCK_WAIT_MS = 750;
/** Requests stored in one transaction, at most (in events). */
const MAX_GROUP_EVENTS = 20_000;

/** How the WAL is copied back and kept bounded (request-writer-worker.ts, wal-checkpointer-worker.ts). */
export interface WalUpkeep {
  /** how often the checkpointer thread copies the WAL back into the database while the writer writes */
  checkpointEveryMs: number;
  /** how often it looks when its last round saw nothing new */
  quietCheckpointEveryMs: number;
  /** past this size the writer thread starts the WAL over between two groups, and cuts the file back to it */
  restartBytes: number;
  /** a WAL left larger than this is cut to nothing by the checkpointer once the writer has been quiet */
  truncateAboveBytes: number;
}

/**
 * A restart pauses the writer's requests while it copies what the checkpointer's last round left: 110–220 ms
 * with rounds 500 ms apart, 80–180 ms with rounds 100 ms apart. At bench:load's 22,000 events/s (~100 MB of WAL
 * a second) a 512 MiB bound restarts every ~5 s (p99 82 and 95 ms), 1 GiB every ~10 s (94 and 120 ms),
 * 4 GiB every ~40 s (63.5 ms): a bound on disk that only a long burst reaches. A file left over 64 MiB (the cut
 * this writer made at every restart before the bound) is cut to nothing when quiet.
 */
const WAL_UPKEEP: WalUpkeep = {
  checkpointEveryMs: 100,
  quietCheckpointEveryMs: 500,
  restartBytes: 4 * 1024 * 1024 * 1024,
  truncateAboveBytes: 64 * 1024 * 1024,
};
/** Events waiting for the writer, at most: beyond it requests are answered busy at once. */
const MAX_QUEUED_EVENTS = 200_000;

/**
 * A worker's entry: its TypeScript source through tsx (vitest, tsx, and the Next.js server, whose bundle
 * keeps this module's source URL), or the bundle beside the CLI's (dist/, built by scripts/build-cli.mjs).
 * The paths are for run time only: the turbopackIgnore comments keep the app's bundler from tracing them
 * (it would pull the whole project into the route).
 */
function workerEntry(name: "request-writer-worker" | "wal-checkpointer-worker"): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".ts")) return join(/* turbopackIgnore: true */ dirname(here), `${name}-source.mjs`);
  const beside = join(/* turbopackIgnore: true */ dirname(here), `${name}.mjs`);
  return existsSync(/* turbopackIgnore: true */ beside) ? beside : join(/* turbopackIgnore: true */ packageRoot(), "dist", `${name}.mjs`);
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Pending = { resolve: (r: StoreResult) => void; reject: (e: Error) => void; events: number };

export class RequestWriter {
  private worker: Worker | null = null;
  /** Copies the WAL back into the database off the writer's thread (wal-checkpointer-worker.ts). */
  private checkpointer: Worker | null = null;
  /** Settles when the current worker has loaded: a request's wait for the database counts from then. */
  private ready: Promise<void> = Promise.resolve();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private queued = 0;

  constructor(
    private readonly file: string,
    private readonly wal: WalUpkeep = WAL_UPKEEP,
  ) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    if (!this.checkpointer) {
      this.checkpointer = new Worker(/* turbopackIgnore: true */ workerEntry("wal-checkpointer-worker"), {
        workerData: { file: this.file, everyMs: this.wal.checkpointEveryMs, quietEveryMs: this.wal.quietCheckpointEveryMs, truncateAboveBytes: this.wal.truncateAboveBytes },
      });
      this.checkpointer.unref();
      this.checkpointer.on("error", () => {}); // a checkpointer that fails leaves SQLite's own checkpoints to the readers
      this.checkpointer.on("exit", () => (this.checkpointer = null));
    }
    const worker = new Worker(/* turbopackIgnore: true */ workerEntry("request-writer-worker"), { workerData: { file: this.file, maxGroupEvents: MAX_GROUP_EVENTS, walRestartBytes: this.wal.restartBytes } });
    worker.unref(); // keeps a process alive only while it owes an answer (see send)
    let loaded!: () => void;
    this.ready = new Promise<void>((resolve) => (loaded = resolve));
    worker.on("message", (reply: RequestWriterReply | { type: "ready" }) => {
      if ("type" in reply) return loaded();
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      this.queued -= p.events;
      if (reply.ok) p.resolve({ accepted: reply.accepted, duplicates: reply.duplicates, registeredPatterns: reply.registeredPatterns });
      else p.reject(writerError(reply.code, reply.message));
    });
    const stopped = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      for (const p of this.pending.values()) p.reject(new DatabaseUnavailableError(unavailable("io_error", `the database writer stopped (${error.message}); nothing was stored, try again`)));
      this.pending.clear();
      this.queued = 0;
      loaded();
    };
    worker.on("error", stopped);
    worker.on("exit", (code) => stopped(new Error(`exit ${code}`)));
    this.worker = worker;
    return worker;
  }

  private async send(job: DistributiveOmit<RequestWriterJob, "id" | "deadline">, events: number, waitMs: number): Promise<StoreResult> {
    if (this.queued + events > MAX_QUEUED_EVENTS) {
      throw new DatabaseUnavailableError(unavailable("busy", "the server is storing as fast as it can; nothing was stored, try again shortly"));
    }
    const worker = this.start();
    this.queued += events;
    await this.ready;
    if (this.worker !== worker) {
      this.queued -= events;
      throw new DatabaseUnavailableError(unavailable("io_error", "the database writer could not start; nothing was stored, try again"));
    }
    const id = this.nextId++;
    return new Promise<StoreResult>((resolve, reject) => {
      if (this.pending.size === 0) worker.ref();
      this.pending.set(id, { resolve, reject, events });
      worker.postMessage({ ...job, id, deadline: Date.now() + waitMs } as RequestWriterJob);
    });
  }

  /** Starts the thread ahead of the first request (from TypeScript sources it takes seconds to load). */
  async warmUp(): Promise<void> {
    this.start();
    await this.ready;
  }

  /** Stores one request's rows in one savepoint of the next group transaction. */
  store(rows: ExecutionRow[], actor: string, lockWaitMs = LOCK_WAIT_MS): Promise<StoreResult> {
    return this.send({ type: "store", rows: packRows(rows), actor, events: rows.length }, rows.length, lockWaitMs);
  }

  /** Records a token's last use, off the request thread; failures do not matter. */
  touchToken(tokenId: string, at: number): void {
    this.send({ type: "touch", tokenId, at, events: 0 }, 0, LOCK_WAIT_MS).catch(() => {});
  }

  async close(): Promise<void> {
    const worker = this.worker;
    const checkpointer = this.checkpointer;
    this.worker = null;
    this.checkpointer = null;
    await Promise.all([worker?.terminate(), checkpointer?.terminate()]);
  }
}

/** A writer thread's failure as the error the route classifies (503 for passing problems). */
function writerError(code: string, message: string): Error {
  const error = Object.assign(new Error(message), { code });
  const passing = classifyDatabaseError(error);
  return passing ? new DatabaseUnavailableError(passing) : error;
}

// On globalThis: the production server holds this module twice (its own bundle, serving ingestion, and
// Next.js's, serving the MCP route), and one database must have one writer thread.
const holder = globalThis as unknown as { patternsRequestWriters?: WeakMap<DbHandle, RequestWriter> };
const writers = (holder.patternsRequestWriters ??= new WeakMap<DbHandle, RequestWriter>());

/** The handle's writer thread, started on first use and stopped when the handle closes. */
export function requestWriter(db: DbHandle): RequestWriter {
  if (db.config.dialect !== "sqlite") throw new Error("the request writer is for SQLite");
  let writer = writers.get(db);
  if (!writer) {
    const created = new RequestWriter(db.config.file);
    writers.set(db, created);
    db.onClose(() => created.close());
    writer = created;
  }
  return writer;
}
