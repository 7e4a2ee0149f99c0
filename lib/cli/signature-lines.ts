// Lines of text in, one template per line out: the work of `patterns signature` on one block of input,
// shared by the command (small inputs) and its worker threads (large ones), so both cut lines alike.
import { MAX_INPUT, errorSignature } from "../signature";

/**
 * The template of every line in `text`, each followed by `\n`. Lines end at `\n` or `\r\n`; `text`
 * holds whole lines, the last one with or without its end.
 */
export function templatesOf(text: string): string {
  let out = "";
  let from = 0;
  for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", from)) {
    out += errorSignature(withoutCr(text.slice(from, nl))) + "\n";
    from = nl + 1;
  }
  if (from < text.length) out += errorSignature(withoutCr(text.slice(from))) + "\n";
  return out;
}

/**
 * A line this long (in UTF-8 bytes) is cut before it reaches errorSignature: its first MAX_INPUT + 1
 * characters, all that errorSignature reads, fit in 4 bytes each. Keeps memory bounded on a line of
 * any length. (A cut line keeps its last bytes: a `\r` or half a character there lies past what is read.)
 */
export const LINE_CUT_BYTES = 4 * (MAX_INPUT + 1) + 4;

function withoutCr(line: string): string {
  return line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line;
}

const NEWLINE = 10;

/**
 * Cuts a byte stream into blocks of whole lines (each block ends just after a `\n`) of about
 * `blockBytes`, without decoding it: a `\n` byte never sits inside a UTF-8 character. The one line
 * still open may grow only to LINE_CUT_BYTES; its further bytes are dropped up to its end.
 */
export class LineBlocks {
  private lines: Buffer[] = []; // whole lines, in order
  private linesBytes = 0;
  private open: Buffer[] = []; // the line not ended yet
  private openBytes = 0;
  private cutting = false; // that line reached LINE_CUT_BYTES

  constructor(private readonly blockBytes: number) {}

  /** Adds a chunk; returns the block now complete, if any. */
  push(chunk: Buffer): Buffer | null {
    const first = chunk.indexOf(NEWLINE);
    if (first < 0) {
      this.extend(chunk);
      return null;
    }
    // up to `first` the open line ends (its further bytes dropped if it is being cut)
    this.extend(chunk.subarray(0, first));
    this.open.push(chunk.subarray(first, first + 1));
    this.lines.push(...this.open);
    this.linesBytes += this.openBytes + 1;
    this.open = [];
    this.openBytes = 0;
    this.cutting = false;
    const last = chunk.lastIndexOf(NEWLINE);
    if (last > first) {
      this.lines.push(chunk.subarray(first + 1, last + 1));
      this.linesBytes += last - first;
    }
    if (last + 1 < chunk.length) this.extend(chunk.subarray(last + 1));
    return this.linesBytes >= this.blockBytes ? this.takeLines() : null;
  }

  /** The whole lines held so far, or null; the open line stays (a reader that is waiting gets them). */
  takeLines(): Buffer | null {
    if (this.linesBytes === 0) return null;
    const block = this.lines.length === 1 ? this.lines[0] : Buffer.concat(this.lines, this.linesBytes);
    this.lines = [];
    this.linesBytes = 0;
    return block;
  }

  /** Everything left at the end of the input (a last line may lack its `\n`), or null. */
  end(): Buffer | null {
    this.lines.push(...this.open);
    this.linesBytes += this.openBytes;
    this.open = [];
    this.openBytes = 0;
    return this.takeLines();
  }

  private extend(piece: Buffer): void {
    if (this.cutting || piece.length === 0) return;
    const room = LINE_CUT_BYTES - this.openBytes;
    if (piece.length > room) {
      piece = piece.subarray(0, room);
      this.cutting = true;
    }
    this.open.push(piece);
    this.openBytes += piece.length;
  }
}
