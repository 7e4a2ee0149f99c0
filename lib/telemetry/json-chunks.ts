// Splits a big JSON array (or NDJSON) file into chunks of whole events without parsing it all first,
// so `patterns ingest` can validate and store the first chunks while the rest is still text.
// A candidate cut is after "}," followed by "{"; it is right when the piece parses as an array on its
// own (a cut inside a string or a nested array leaves the piece unbalanced). Anything unusual returns
// null and the caller parses the whole text the normal way, which also gives the exact error.

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const COMMA = 0x2c;

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

/** Chunks of a JSON array of objects, or null when the text is not one we can cut safely. */
export function jsonArrayChunks(buf: Buffer, targetBytes = 2 * 1024 * 1024): Generator<unknown[], void, void> | null {
  let start = 0;
  while (isSpace(buf[start])) start++;
  let end = buf.length;
  while (end > start && isSpace(buf[end - 1])) end--;
  if (buf[start] !== 0x5b || buf[end - 1] !== 0x5d) return null; // not [ … ]
  return (function* () {
    let from = start + 1; // first byte of the current piece
    while (from < end - 1) {
      let cut = -1;
      // a small first piece gets the writer thread going early; the rest are full size
      let search = Math.min(from + (from === start + 1 ? Math.min(targetBytes, 128 * 1024) : targetBytes), end - 1);
      let piece: unknown[] | null = null;
      while (search < end - 1) {
        const at = buf.indexOf(CLOSE_BRACE, search);
        if (at < 0 || at >= end - 1) break;
        let k = at + 1;
        while (isSpace(buf[k])) k++;
        if (buf[k] === COMMA) {
          let m = k + 1;
          while (isSpace(buf[m])) m++;
          if (buf[m] === OPEN_BRACE) {
            piece = tryParseArray(`[${buf.toString("utf8", from, at + 1)}]`);
            if (piece) {
              cut = k + 1;
              break;
            }
          }
        }
        search = at + 1;
      }
      if (cut < 0) {
        piece = tryParseArray(`[${buf.toString("utf8", from, end - 1)}]`);
        if (!piece) throw new ChunkError();
        yield piece;
        return;
      }
      yield piece!;
      from = cut;
    }
  })();
}

/** Thrown when the text cannot be cut into valid pieces: parse it whole to report the error exactly. */
export class ChunkError extends Error {
  constructor() {
    super("the JSON could not be read in chunks");
  }
}

/** Chunks of NDJSON lines (each line one event); a line that does not parse throws ChunkError. */
export function* ndjsonChunks(buf: Buffer, linesPerChunk = 10_000): Generator<unknown[], void, void> {
  const text = buf.toString("utf8");
  let chunk: unknown[] = [];
  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl).trim();
    pos = nl + 1;
    if (!line) continue;
    try {
      chunk.push(JSON.parse(line));
    } catch {
      throw new ChunkError();
    }
    if (chunk.length >= linesPerChunk) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}
