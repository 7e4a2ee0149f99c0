// Splits a big JSON array (or NDJSON) into chunks of whole events as its bytes arrive, window after window,
// so `patterns ingest` validates and stores the first chunks while the rest is still unread, and its memory
// stays bounded by a few chunks whatever the file's size. A candidate cut in an array is after "}," followed
// by "{"; it is right when the piece parses as an array on its own (a cut inside a string or a nested array
// leaves the piece unbalanced). Text that cannot be cut throws ChunkError; a caller that can still read the
// whole text parses it the normal way, which gives the exact error.

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const COMMA = 0x2c;
const NEWLINE = 0x0a;

/** Bytes in order, a window at a time (a whole Buffer is one window). */
export type ByteSource = Buffer | Iterable<Buffer>;

function isSpace(b: number | undefined): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

function tryParseArray(text: string): unknown[] | null {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/** Thrown when the text cannot be cut into valid pieces; `nearByte` is where reading stopped. */
export class ChunkError extends Error {
  constructor(readonly nearByte: number, detail = "the JSON could not be read in chunks") {
    super(`${detail} (near byte ${nearByte})`);
  }
}

/** A growing buffer over the source's windows: `more()` appends the next window, false at the end. */
class Reader {
  buf: Buffer = Buffer.alloc(0);
  /** bytes dropped from the front so far (for positions in errors) */
  dropped = 0;
  eof = false;
  private readonly it: Iterator<Buffer>;
  constructor(source: ByteSource) {
    this.it = (Buffer.isBuffer(source) ? [source] : source)[Symbol.iterator]();
  }
  more(): boolean {
    if (this.eof) return false;
    const next = this.it.next();
    if (next.done) {
      this.eof = true;
      return false;
    }
    this.buf = this.buf.length ? Buffer.concat([this.buf, next.value]) : next.value;
    return true;
  }
  drop(n: number): void {
    this.buf = this.buf.subarray(n);
    this.dropped += n;
  }
  /** the byte at i, reading more as needed; undefined past the end */
  at(i: number): number | undefined {
    while (i >= this.buf.length && this.more());
    return this.buf[i];
  }
}

/** Chunks of a JSON array of objects, or null when the text is not an array (then parse it whole). */
export function jsonArrayChunks(source: ByteSource, targetBytes = 2 * 1024 * 1024): Generator<unknown[], void, void> | null {
  const r = new Reader(source);
  let start = 0;
  while (isSpace(r.at(start))) start++;
  if (r.at(start) !== 0x5b) return null; // not [ … ]
  r.drop(start + 1);
  return (function* () {
    let first = true;
    for (;;) {
      // a small first piece gets the writer going early; the rest are full size
      const want = first ? Math.min(targetBytes, 128 * 1024) : targetBytes;
      first = false;
      while (r.buf.length <= want && r.more());
      let search = Math.min(want, r.buf.length);
      let piece: unknown[] | null = null;
      let cut = -1;
      for (;;) {
        let close = r.buf.indexOf(CLOSE_BRACE, search);
        while (close < 0 && !r.eof) {
          search = Math.max(search, r.buf.length);
          r.more();
          close = r.buf.indexOf(CLOSE_BRACE, search);
        }
        if (close < 0) break;
        let k = close + 1;
        while (isSpace(r.at(k))) k++;
        if (r.at(k) === COMMA) {
          let m = k + 1;
          while (isSpace(r.at(m))) m++;
          if (r.at(m) === OPEN_BRACE) {
            piece = tryParseArray(`[${r.buf.toString("utf8", 0, close + 1)}]`);
            if (piece) {
              cut = k + 1;
              break;
            }
          }
        }
        search = close + 1;
      }
      if (cut >= 0) {
        yield piece!;
        r.drop(cut);
        continue;
      }
      // the rest is the last piece: it ends with the array's "]"
      let end = r.buf.length;
      while (end > 0 && isSpace(r.buf[end - 1])) end--;
      if (r.buf[end - 1] !== 0x5d) throw new ChunkError(r.dropped + end, "the JSON array does not end with ]");
      const last = tryParseArray(`[${r.buf.toString("utf8", 0, end - 1)}]`);
      if (!last) throw new ChunkError(r.dropped, "the JSON is not valid");
      if (last.length) yield last;
      return;
    }
  })();
}

/** Chunks of NDJSON lines (each line one event); a line that does not parse throws ChunkError naming it. */
export function* ndjsonChunks(source: ByteSource, linesPerChunk = 10_000): Generator<unknown[], void, void> {
  const r = new Reader(source);
  let chunk: unknown[] = [];
  let line = 0;
  let from = 0;
  for (;;) {
    let nl = r.buf.indexOf(NEWLINE, from);
    while (nl < 0 && r.more()) nl = r.buf.indexOf(NEWLINE, from);
    if (nl < 0 && r.buf.length === 0) break;
    const end = nl < 0 ? r.buf.length : nl;
    const text = r.buf.toString("utf8", 0, end).trim();
    line++;
    if (text) {
      try {
        chunk.push(JSON.parse(text));
      } catch (error) {
        throw new ChunkError(r.dropped, `line ${line} is not valid JSON: ${(error as Error).message}`);
      }
    }
    r.drop(nl < 0 ? end : end + 1);
    from = 0;
    if (chunk.length >= linesPerChunk) {
      yield chunk;
      chunk = [];
    }
    if (nl < 0) break;
  }
  if (chunk.length) yield chunk;
}
