import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ChunkError, jsonArrayChunks, ndjsonChunks } from "./json-chunks";

const tricky = fc.record({
  id: fc.string(),
  note: fc.constantFrom("}, {", "},{", '"},{"', "[", "]", "\\", ""),
  files: fc.array(fc.record({ path: fc.string(), content: fc.oneof(fc.string(), fc.constant('{"a":1},{"b":2}')) }), { maxLength: 3 }),
  n: fc.integer(),
});

describe("jsonArrayChunks", () => {
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
  test("cuts by lines and skips blank ones", () => {
    expect([...ndjsonChunks(Buffer.from('{"a":1}\n\n{"a":2}\r\n{"a":3}'), 2)]).toEqual([[{ a: 1 }, { a: 2 }], [{ a: 3 }]]);
    expect(() => [...ndjsonChunks(Buffer.from('{"a":1}\n{"a":'))]).toThrow(ChunkError);
  });
});
