import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ChunkError, jsonArrayChunks, ndjsonChunks } from "./json-chunks";

const tricky = fc.record({
  id: fc.string(),
  note: fc.constantFrom("}, {", "},{", '"},{"', "[", "]", "\\", ""),
  files: fc.array(fc.record({ path: fc.string(), content: fc.oneof(fc.string(), fc.constant('{"a":1},{"b":2}')) }), { maxLength: 3 }),
  n: fc.integer(),
});

/** The bytes cut into windows of the given sizes (cycled), as a file read a window at a time arrives. */
function* windows(buf: Buffer, sizes: number[]): Generator<Buffer> {
  for (let at = 0, i = 0; at < buf.length; i++) {
    const n = sizes[i % sizes.length]!;
    yield buf.subarray(at, at + n);
    at += n;
  }
}

describe("jsonArrayChunks", () => {
  test("property: read in windows of any size (splitting characters too), the chunks are the parsed array", () => {
    const item = fc.record({ id: fc.string({ unit: "grapheme" }), note: fc.constantFrom("}, {", "é€😀", "], [", ""), n: fc.integer() });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 200 }), (items, sizes, target) => {
        const text = Buffer.from(`  ${JSON.stringify(items, null, 1)}\n`);
        const chunks = jsonArrayChunks(windows(text, sizes), target);
        expect([...chunks!].flat()).toEqual(items);
      }),
      { numRuns: 300 },
    );
  });

  test("an array that never ends says where reading stopped", () => {
    expect(() => [...jsonArrayChunks(windows(Buffer.from('[{"a":1},{"b":2}'), [3]), 1)!]).toThrow(/does not end with \]/);
  });

  test("property: the chunks, joined, are exactly the parsed array, whatever the strings and nesting", () => {
    fc.assert(
      fc.property(fc.array(tricky, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 300 }), fc.boolean(), (items, target, pretty) => {
        const text = pretty ? JSON.stringify(items, null, 2) : JSON.stringify(items);
        const chunks = jsonArrayChunks(Buffer.from(text), target);
        expect(chunks).not.toBeNull();
        expect([...chunks!].flat()).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  test("returns null for a single object, and throws ChunkError for broken JSON", () => {
    expect(jsonArrayChunks(Buffer.from('{"a":1}'))).toBeNull();
    expect(() => [...jsonArrayChunks(Buffer.from('[{"a":1},{"b":}]'), 1)!]).toThrow(ChunkError);
  });
});

describe("ndjsonChunks", () => {
  test("property: read in windows of any size, the lines are the events, in order", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ s: fc.string({ unit: "grapheme" }), n: fc.integer() }), { maxLength: 40 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }), (items, sizes) => {
        const text = Buffer.from(items.map((i) => JSON.stringify(i)).join("\n"));
        expect([...ndjsonChunks(windows(text, sizes), 7)].flat()).toEqual(items);
      }),
      { numRuns: 300 },
    );
  });

  test("names the line that is not JSON", () => {
    expect(() => [...ndjsonChunks(windows(Buffer.from('{"a":1}\n{"a":2}\n{"a":'), [4]))]).toThrow(/line 3 is not valid JSON/);
  });

  test("cuts by lines and skips blank ones", () => {
    expect([...ndjsonChunks(Buffer.from('{"a":1}\n\n{"a":2}\r\n{"a":3}'), 2)]).toEqual([[{ a: 1 }, { a: 2 }], [{ a: 3 }]]);
    expect(() => [...ndjsonChunks(Buffer.from('{"a":1}\n{"a":'))]).toThrow(ChunkError);
  });
});
