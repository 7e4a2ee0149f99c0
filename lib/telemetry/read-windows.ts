// Reads a file or stdin a window at a time, synchronously, so `patterns ingest` holds a few windows of a
// 250 MB file in memory instead of all of it, and the chunkers (json-chunks.ts) can pull bytes as they cut.
// A non-blocking stdin (EAGAIN) is waited on briefly and read again.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

const WINDOW = 1 << 20;
const pause = new Int32Array(new SharedArrayBuffer(4));

export interface WindowedInput {
  /** the windows in order; iterate once */
  windows: Iterable<Buffer>;
  /** the first window (already read; it is also the first of `windows`) */
  head: Buffer;
  /** a regular file's size in bytes; null for stdin or a pipe */
  size: number | null;
  close: () => void;
}

function readWindow(fd: number): Buffer | null {
  const buf = Buffer.allocUnsafe(WINDOW);
  for (;;) {
    try {
      const n = readSync(fd, buf, 0, WINDOW, null);
      return n === 0 ? null : buf.subarray(0, n);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "EAGAIN") Atomics.wait(pause, 0, 0, 5);
      else if (code === "EOF") return null;
      else throw error;
    }
  }
}

/** Opens `source` (a path, or "-" for stdin) for windowed reading. Throws the fs error for a bad path. */
export function openWindows(source: string): WindowedInput {
  const fd = source === "-" ? 0 : openSync(source, "r");
  const stat = fstatSync(fd);
  if (stat.isDirectory()) {
    if (fd !== 0) closeSync(fd);
    throw Object.assign(new Error(`${source}: is a directory`), { code: "EISDIR" });
  }
  const head = readWindow(fd) ?? Buffer.alloc(0);
  let closed = false;
  const close = () => {
    if (!closed && fd !== 0) closeSync(fd);
    closed = true;
  };
  return {
    head,
    size: stat.isFile() ? stat.size : null,
    close,
    windows: (function* () {
      if (head.length) yield head;
      for (let w = closed ? null : readWindow(fd); w; w = readWindow(fd)) yield w;
      close();
    })(),
  };
}
