// `patterns ingest` on SQLite with both cores: this thread validates and normalises chunk after chunk
// while a worker thread stores the previous ones inside a single transaction. Any invalid event rolls
// the whole file back, so the promise of the API holds: nothing is written unless everything is valid.
// Chunks are read as the writer stores them (never more than two ahead), so memory does not grow with the file.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { Worker } from "node:worker_threads";
import type { DbHandle } from "../db/client";
import type { IngestOptions, IngestOutcome } from "./ingest";
import { PgSession } from "./pg-writer";
import { packRows } from "./sqlite-writer";
import type { EventError } from "./event-schema";
import { checkEvents, MAX_REPORTED_ERRORS, validateEvents } from "./validate";
import type { WriterMessage, WriterReply } from "./writer-worker";

/** chunks handed to the writer and not yet stored: two keep both threads busy */
const MAX_IN_FLIGHT = 2;
/** events read between two full collections of this thread's garbage (see heapKeeper) */
const EVENTS_PER_COLLECTION = 25_000;

/**
 * Called after each chunk: collects this thread's garbage every EVENTS_PER_COLLECTION events. Each chunk's
 * events and rows are garbage once handed on, but V8 lets a process's heap grow far past what is alive
 * before it collects: in one run of three a 1,000,000-event file peaked near 300 MiB instead of 190 MiB
 * (measured). A full collection of the few chunks alive costs milliseconds, in the time this thread
 * otherwise waits for the writer. The collector is reached through a fresh context once the flag is set.
 */
function heapKeeper(): (eventsDone: number) => void {
  v8.setFlagsFromString("--expose-gc");
  const collect = vm.runInNewContext("gc") as () => void;
  let next = EVENTS_PER_COLLECTION;
  return (eventsDone) => {
    if (eventsDone < next) return;
    collect();
    next = eventsDone + EVENTS_PER_COLLECTION;
  };
}

function startWriter(file: string, actor: string): Worker {
  const here = fileURLToPath(import.meta.url);
  // From sources (tsx, vitest) the worker is TypeScript; from the CLI bundle it sits beside it in dist/.
  const fromSource = here.endsWith(".ts");
  const entry = join(dirname(here), fromSource ? "writer-worker-source.mjs" : "writer-worker.mjs");
  return new Worker(entry, { workerData: { file, actor }, resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 } });
}

/**
 * Stores chunks of events (in file order) with a writer thread. `onChunk` reports events done so far.
 * A ChunkError from the iterator (text that cannot be cut) propagates after rolling back.
 */
export async function ingestChunksParallel(
  db: DbHandle,
  chunks: Iterable<unknown[]>,
  opts: IngestOptions & { onChunk?: (eventsDone: number) => void } = {},
): Promise<IngestOutcome> {
  if (db.config.dialect !== "sqlite") throw new Error("ingestChunksParallel is for SQLite");
  const receivedAt = opts.now ?? Date.now();
  const worker = startWriter(db.config.file, opts.actor ?? "cli");
  let failure: string | null = null;
  const replies: WriterReply[] = [];
  let wake: (() => void) | null = null;
  worker.on("message", (m: WriterReply) => {
    if (m.type === "error") failure = m.message;
    replies.push(m);
    wake?.();
  });
  worker.on("error", (e) => {
    failure = e.message;
    wake?.();
  });
  const next = () =>
    new Promise<WriterReply>((resolve) => {
      const take = () => (replies.length ? resolve(replies.shift()!) : failure ? resolve({ type: "error", message: failure }) : (wake = take));
      take();
    });
  const send = (m: WriterMessage) => worker.postMessage(m);
  /** the next reply that is not a chunk's acknowledgement */
  const settled = async (): Promise<WriterReply> => {
    for (let reply = await next(); ; reply = await next()) if (reply.type !== "stored") return reply;
  };
  let offset = 0;
  let inFlight = 0;
  let committed = false;
  const afterChunk = heapKeeper();
  try {
    const iterator = chunks[Symbol.iterator]();
    for (let step = iterator.next(); !step.done; step = iterator.next()) {
      const chunk = step.value;
      const checked = checkEvents(chunk, receivedAt, { maxEvents: Number.POSITIVE_INFINITY });
      if (!checked.ok) {
        return collectErrors(chunk, iterator, offset, receivedAt);
      }
      // at most MAX_IN_FLIGHT chunks wait for the writer: reading never runs far ahead of storing
      while (inFlight >= MAX_IN_FLIGHT && !failure) {
        const reply = await next();
        if (reply.type === "stored") inFlight--;
        else if (reply.type === "error") failure = reply.message;
      }
      if (failure) throw new Error(failure);
      send({ type: "rows", rows: packRows(checked.rows) });
      inFlight++;
      offset += chunk.length;
      opts.onChunk?.(offset);
      afterChunk(offset);
    }
    send({ type: "commit" });
    const reply = await settled();
    if (reply.type !== "done") throw new Error(reply.type === "error" ? reply.message : "the writer stopped unexpectedly");
    committed = true;
    return { ok: true, accepted: reply.accepted, duplicates: reply.duplicates, registeredPatterns: reply.registeredPatterns };
  } finally {
    if (!committed && !failure) {
      send({ type: "rollback" });
      await settled();
    }
    await worker.terminate();
  }
}

/** The problems of the first bad chunk and of the rest of the file, indexed from the file's start. */
function collectErrors(firstBad: unknown[], rest: Iterator<unknown[]>, offset: number, receivedAt: number): IngestOutcome {
  const errors: EventError[] = [];
  let total = 0;
  for (let bad: unknown[] | undefined = firstBad; bad; ) {
    const v = validateEvents(bad, { maxEvents: Number.POSITIVE_INFINITY, receivedAt });
    if (!v.ok) {
      total += v.totalErrors;
      for (const e of v.errors) if (errors.length < MAX_REPORTED_ERRORS) errors.push({ ...e, index: e.index + offset });
    }
    offset += bad.length;
    const more = rest.next();
    bad = more.done ? undefined : more.value;
  }
  return { ok: false, reason: "invalid", errors, totalErrors: total };
}

/**
 * The same on PostgreSQL, where the server does the storing: chunk k is in flight while this thread
 * validates chunk k + 1, all in one transaction that commits only when every chunk was valid.
 */
export async function ingestChunksPostgres(
  db: DbHandle,
  chunks: Iterable<unknown[]>,
  opts: IngestOptions & { onChunk?: (eventsDone: number) => void } = {},
): Promise<IngestOutcome> {
  const receivedAt = opts.now ?? Date.now();
  const session = await PgSession.begin(db, opts.actor ?? "cli");
  let pending: Promise<void> = Promise.resolve();
  let offset = 0;
  const afterChunk = heapKeeper();
  try {
    const iterator = chunks[Symbol.iterator]();
    for (let step = iterator.next(); !step.done; step = iterator.next()) {
      const checked = checkEvents(step.value, receivedAt, { maxEvents: Number.POSITIVE_INFINITY });
      if (!checked.ok) {
        await pending.catch(() => {});
        await session.rollback();
        return collectErrors(step.value, iterator, offset, receivedAt);
      }
      await pending;
      pending = session.write(checked.rows);
      offset += step.value.length;
      opts.onChunk?.(offset);
      afterChunk(offset);
    }
    await pending;
    const totals = await session.commit();
    return { ok: true, ...totals };
  } catch (error) {
    await pending.catch(() => {});
    await session.rollback();
    throw error;
  }
}
