// The packed form rows take to a writer thread (one NUL-joined text and typed arrays) must come back
// exactly: every text column, nulls as nulls and empty strings as empty strings, the numbers, each file
// with its row; and text holding a NUL (which validation refuses) must be refused, never shift a column.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { ExecutionRow } from "./normalize";
import { packRows, unpackText } from "./sqlite-writer";

const text = fc.string({ unit: "grapheme" }).filter((s) => !s.includes("\u0000"));
const maybe = fc.option(text, { nil: null });
const row: fc.Arbitrary<ExecutionRow> = fc.record({
  id: text,
  patternId: maybe,
  operation: text,
  inputs: maybe,
  fileCount: fc.nat(),
  startedAt: fc.integer({ min: 946_684_800_000, max: 4_102_444_800_000 }),
  durationMs: fc.nat(),
  success: fc.boolean(),
  errorType: maybe,
  errorMessage: maybe,
  errorSignature: maybe,
  errorKey: maybe,
  retryOf: maybe,
  fix: maybe,
  source: maybe,
  receivedAt: fc.integer({ min: 946_684_800_000, max: 4_102_444_800_000 }),
  fixCommand: maybe,
  files: fc.array(fc.record({ path: text, action: fc.constantFrom("created" as const, "modified" as const), content: maybe }), { maxLength: 3 }),
});

/** What the writer reads back, in the order it binds it. */
function expected(rows: ExecutionRow[]) {
  const pieces = rows.flatMap((r) => [r.id, r.patternId, r.operation, r.inputs, r.errorType, r.errorMessage, r.errorSignature, r.errorKey, r.retryOf, r.fix, r.source, r.fixCommand]);
  for (const r of rows) for (const f of r.files) pieces.push(f.path, f.action, f.content);
  const numbers = rows.flatMap((r) => [r.fileCount, r.startedAt, r.durationMs, r.success ? 1 : 0, r.receivedAt]);
  const fileRows = rows.flatMap((r, i) => r.files.map(() => i));
  return { pieces, numbers, fileRows };
}

describe("packRows and unpackText", () => {
  test("property: every column and file comes back exactly, nulls and empty strings apart", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const packed = packRows(rows);
        const want = expected(rows);
        expect(packed.n).toBe(rows.length);
        expect(unpackText(packed)).toEqual(want.pieces);
        expect([...packed.numbers]).toEqual(want.numbers);
        expect([...packed.fileRows]).toEqual(want.fileRows);
      }),
      { numRuns: 300 },
    );
  });

  test("a null and an empty string stay apart", () => {
    const base = { id: "e1", patternId: null, operation: "op", inputs: "", fileCount: 0, startedAt: 1, durationMs: 2, success: true, errorType: null, errorMessage: "", errorSignature: null, errorKey: null, retryOf: null, fix: null, source: "", receivedAt: 3, fixCommand: null, files: [] } satisfies ExecutionRow;
    const t = unpackText(packRows([base]));
    expect(t.slice(0, 4)).toEqual(["e1", null, "op", ""]);
    expect(t[5]).toBe("");
    expect(t[10]).toBe("");
  });

  test("text holding a NUL is refused, not stored a column off", () => {
    const bad = { id: "e1", patternId: "p", operation: "op", inputs: null, fileCount: 0, startedAt: 1, durationMs: 2, success: false, errorType: "E", errorMessage: "a\u0000b", errorSignature: null, errorKey: null, retryOf: null, fix: null, source: null, receivedAt: 3, fixCommand: null, files: [] } satisfies ExecutionRow;
    expect(() => unpackText(packRows([bad]))).toThrow(/13 pieces, not 12.*nothing was stored/);
  });
});
