// `patterns signature` from the inside: blocks of whole lines cut from a byte stream, and the stream
// of templates written back in order, on this thread and through worker threads.
import { Writable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_INPUT, errorSignature } from "../signature";
import { writeSignatures } from "./commands/signature";
import { LINE_CUT_BYTES, LineBlocks, templatesOf } from "./signature-lines";

/** Splits `bytes` at the given offsets into chunks. */
function chunked(bytes: Buffer, cuts: number[]): Buffer[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    if (c > from) chunks.push(bytes.subarray(from, c));
    from = c;
  }
  return chunks;
}

async function* stream(chunks: Buffer[]): AsyncGenerator<Buffer> {
  for (const c of chunks) yield c;
}

/** Runs writeSignatures into memory. */
async function run(chunks: Buffer[], threads: number): Promise<string> {
  const parts: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      parts.push(Buffer.from(chunk));
      done();
    },
  });
  await writeSignatures(stream(chunks), sink, threads);
  return Buffer.concat(parts).toString("utf8");
}

/** What the command must print: errorSignature of every line, `\n` and `\r\n` ends, last line optional. */
function expected(text: string): string {
  if (text === "") return "";
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.map((l) => errorSignature(l.endsWith("\r") ? l.slice(0, -1) : l) + "\n").join("");
}

const line = fc
  .array(fc.constantFrom("error", "user", "alice", "42", "10.0.0.1:80", "é", "日本", "🎉", " ", "\r", "'x'", "a=1"), { maxLength: 12 })
  .map((w) => w.join(" "));
const text = fc.tuple(fc.array(line, { maxLength: 30 }), fc.boolean()).map(([ls, end]) => ls.join("\n") + (end && ls.length ? "\n" : ""));

describe("LineBlocks", () => {
  it("hands out whole lines only, whatever the chunks, and loses no byte", () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 20 }), fc.integer({ min: 1, max: 64 }), (t, cuts, size) => {
        const bytes = Buffer.from(t);
        const blocks = new LineBlocks(size);
        const out: Buffer[] = [];
        for (const c of chunked(bytes, cuts)) {
          // now and then a reader catches up and takes the whole lines so far
          const b = blocks.push(c) ?? (c.length % 3 === 0 ? blocks.takeLines() : null);
          if (b === null) continue;
          expect(b[b.length - 1]).toBe(10);
          out.push(b);
        }
        const last = blocks.end();
        if (last) out.push(last);
        expect(Buffer.concat(out).equals(bytes)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps only the start of an overlong line, which gives the same template", () => {
    const long = "fatal " + "x1 é ".repeat(5000); // far past LINE_CUT_BYTES
    const bytes = Buffer.from(`short 1\n${long}\r\nshort 2\n`);
    const blocks = new LineBlocks(1 << 20);
    const out = [...chunked(bytes, [3, 100, 9000, 20000]).map((c) => blocks.push(c)), blocks.end()];
    const kept = Buffer.concat(out.filter((b) => b !== null));
    expect(kept.length).toBeLessThan(LINE_CUT_BYTES + 40);
    expect(templatesOf(kept.toString("utf8"))).toBe(expected(bytes.toString("utf8")));
    expect(long.length).toBeGreaterThan(MAX_INPUT);
  });
});

describe("writeSignatures", () => {
  it("prints one template per line, in order, on this thread", async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 10 }), async (t, cuts) => {
        expect(await run(chunked(Buffer.from(t), cuts), 0)).toBe(expected(t));
      }),
      { numRuns: 200 },
    );
  });

  it("prints the same through worker threads, in order, for an input of many blocks", async () => {
    const lines: string[] = [];
    for (let i = 0; i < 60_000; i++) lines.push(i % 7 === 0 ? `session opened for user u${i} é` : `job ${i} failed after ${i % 50} ms`);
    const t = lines.join("\r\n");
    const out = await run(chunked(Buffer.from(t), [1, 65_536, 700_001, 1_500_000, 2_000_003]), 2);
    expect(out).toBe(expected(t));
    expect(out.split("\n")).toHaveLength(60_001);
  }, 60_000);

  it("answers the lines it has while the input waits for more (tail -f)", async () => {
    const seen: string[] = [];
    let answered = () => {};
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        seen.push(chunk.toString());
        answered();
        done();
      },
    });
    async function* slow(): AsyncGenerator<Buffer> {
      yield Buffer.from("job 1 failed\n");
      if (seen.length === 0) {
        await new Promise<void>((resolve, reject) => {
          answered = resolve;
          setTimeout(() => reject(new Error("no answer before the next line came")), 5000);
        });
      }
      yield Buffer.from("job 2 failed\n");
    }
    await writeSignatures(slow(), sink, 2);
    expect(seen.join("")).toBe("job <*> failed\njob <*> failed\n");
  });

  it("stops quietly when the reader goes away", async () => {
    const closed = new Writable({
      write(_chunk, _encoding, done) {
        done(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
      },
    });
    closed.on("error", () => {}); // the command's own listener is the one under test
    await expect(writeSignatures(stream([Buffer.from("a 1\nb 2\n")]), closed, 0)).resolves.toBeUndefined();
  });
});
