// `patterns signature`: messages one per line on stdin → one template per line on stdout, same order.
// Input is cut into blocks of whole lines, not read line by line (readline cost more than the
// signatures did); a large input is spread over worker threads and the answers written back in order.
import { once } from "node:events";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Command } from "commander";
import { LineBlocks, templatesOf } from "../signature-lines";
import type { BlockReply, BlockRequest } from "../signature-worker";

/** Bytes of whole lines per block; an input smaller than one block is done on this thread. */
const BLOCK_BYTES = 1 << 20;
/**
 * A read shorter than this found the input drained for now (`tail -f | patterns signature`): the
 * whole lines so far are answered at once instead of waiting for a full block. Files and busy pipes
 * deliver 64 KiB reads.
 */
const FULL_READ_BYTES = 1 << 16;
/** Worker threads at most; each holds about two blocks in flight. */
const MAX_THREADS = 4;

export function registerSignature(program: Command): void {
  program
    .command("signature")
    .description("read messages one per line on stdin, write one template per line on stdout, same order")
    .action(() => writeSignatures(process.stdin, process.stdout));
}

/**
 * Writes the template of every line of `input` to `output`, one per line, in order. A line ends at
 * `\n` or `\r\n`; a last line without one counts too. Memory stays bounded: a few blocks in flight,
 * and of a line of any length only what errorSignature reads. `threads` workers share a large input
 * (default: one per core, at most MAX_THREADS; 0 does everything on this thread). A reader that
 * goes away (`| head`) ends the run quietly.
 */
export async function writeSignatures(
  input: AsyncIterable<Buffer | string>,
  output: NodeJS.WritableStream,
  threads = Math.min(availableParallelism(), MAX_THREADS),
): Promise<void> {
  let failed: NodeJS.ErrnoException | null = null;
  const onError = (error: NodeJS.ErrnoException) => (failed = error);
  output.on("error", onError);
  const write = async (text: string | Uint8Array) => {
    if (!failed && !output.write(text)) await once(output, "drain");
  };
  const blocks = new LineBlocks(BLOCK_BYTES);
  let pool = null as WorkerPool | null; // (a cast: it is set inside `answer`, which narrowing cannot see)
  try {
    // a full block goes to the workers (started with the first one); lines answered early, and the
    // rest of an input smaller than a block, are done here unless the workers are already running
    const answer = async (block: Buffer, full: boolean) => {
      if (full && threads > 0) pool ??= new WorkerPool(threads, write);
      if (pool) await pool.send(block);
      else await write(templatesOf(decoder.decode(block)));
    };
    for await (const chunk of input) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      const block = blocks.push(bytes);
      if (block !== null) await answer(block, true);
      else if (bytes.length < FULL_READ_BYTES) {
        const lines = blocks.takeLines();
        if (lines !== null) await answer(lines, false);
      }
      if (failed) break;
    }
    const last = blocks.end();
    if (last !== null && !failed) await answer(last, false);
    await pool?.drain();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPIPE") throw error;
  } finally {
    await pool?.close();
    output.off("error", onError);
  }
  if (failed && (failed as NodeJS.ErrnoException).code !== "EPIPE") throw failed;
}

const decoder = new TextDecoder();

/** Worker threads that answer blocks; answers are written in the order the blocks were sent. */
class WorkerPool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly answers = new Map<number, Uint8Array>();
  private sent = 0;
  private written = 0; // answers written, in order: the next one to write is answers.get(written)
  private writing = false;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  constructor(
    size: number,
    private readonly write: (text: Uint8Array) => Promise<void>,
  ) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(workerEntry());
      const slot = { worker, busy: 0 };
      worker.on("message", (reply: BlockReply) => {
        slot.busy--;
        this.answers.set(reply.id, reply.out);
        void this.writeInOrder();
      });
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", (code) => code !== 0 && this.fail(new Error(`signature worker stopped (exit ${code})`)));
      this.workers.push(slot);
    }
  }

  /** Hands a block to the least busy worker, first waiting while two per worker are not written yet. */
  async send(block: Buffer): Promise<void> {
    while (!this.failure && this.sent - this.written >= 2 * this.workers.length) await this.next();
    if (this.failure) throw this.failure;
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    slot.busy++;
    const request: BlockRequest = { id: this.sent++, block };
    slot.worker.postMessage(request);
  }

  /** Waits until every block sent has been written. */
  async drain(): Promise<void> {
    while (!this.failure && this.written < this.sent) await this.next();
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  /** Writes the answers that are next in order, one write after another (one loop at a time). */
  private async writeInOrder(): Promise<void> {
    if (this.writing) return; // the running loop picks the new answer up
    this.writing = true;
    try {
      for (let out = this.answers.get(this.written); out !== undefined; out = this.answers.get(this.written)) {
        this.answers.delete(this.written);
        await this.write(out);
        this.written++;
        this.wake?.();
      }
    } catch (error) {
      this.fail(error as Error);
    } finally {
      this.writing = false;
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake?.();
  }

  private next(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }
}

/** From sources (tsx, vitest) the worker is TypeScript; from the CLI bundle it sits beside it in dist/. */
function workerEntry(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".ts")) return join(dirname(here), "..", "signature-worker-source.mjs");
  return join(dirname(here), "signature-worker.mjs");
}
