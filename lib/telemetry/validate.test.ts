import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { LIMITS } from "./event-schema";
import { parseBody } from "./parse-body";
import { validateEvents } from "./validate";

const valid = { operation: "op", startedAt: "2026-11-20T10:00:00Z", durationMs: 5, success: true };
const nested = (depth: number): Record<string, unknown> => {
  let value: Record<string, unknown> = { leaf: 1 };
  for (let i = 1; i < depth; i++) value = { a: value };
  return value;
};

describe("validateEvents", () => {
  test.each([
    ["an unknown field", { ...valid, colour: "red" }, "", "unknown field: colour"],
    ["a missing operation", { ...valid, operation: undefined }, "operation", "is required"],
    ["a wrong type", { ...valid, success: "yes" }, "success", "must be true or false"],
    ["a negative duration", { ...valid, durationMs: -1 }, "durationMs", "must not be negative"],
    ["a fractional duration", { ...valid, durationMs: 1.5 }, "durationMs", "must be a whole number of milliseconds"],
    ["an impossible date", { ...valid, startedAt: "2026-02-30T10:00:00Z" }, "startedAt", "ISO-8601 date-time that exists"],
    ["a date without time", { ...valid, startedAt: "2026-11-20" }, "startedAt", "ISO-8601"],
    ["an over-long operation", { ...valid, operation: "x".repeat(201) }, "operation", "at most 200 characters"],
    ["an over-long id", { ...valid, id: "i".repeat(129) }, "id", "at most 128 characters"],
    ["an over-long fix", { ...valid, fix: "f".repeat(501) }, "fix", "at most 500 characters"],
    ["oversized inputs", { ...valid, inputs: { blob: "b".repeat(LIMITS.inputsBytes) } }, "inputs", "bytes as JSON"],
    ["oversized file content", { ...valid, files: [{ path: "a", content: "c".repeat(LIMITS.fileContentBytes + 1) }] }, "files[0].content", "bytes of text"],
    ["a bad file action", { ...valid, files: [{ path: "a", action: "deleted" }] }, "files[0].action", ""],
    ["an unknown error field", { ...valid, success: false, error: { message: "m", code: 1 } }, "error", "unknown field: code"],
    ["inputs that are not an object", { ...valid, inputs: [1, 2] }, "inputs", ""],
    ["a date before 2000", { ...valid, startedAt: "1999-12-31T23:59:59Z" }, "startedAt", "on or after 2000-01-01"],
    ["a date more than a day ahead", { ...valid, startedAt: "2099-01-01T00:00:00Z" }, "startedAt", "more than a day ahead"],
    ["a NUL in the operation", { ...valid, operation: "op\u0000x" }, "operation", "one line of text"],
    ["a line break in an id", { ...valid, id: "a\nb" }, "id", "one line of text"],
    ["a lone surrogate in an id", { ...valid, id: "id-\ud800" }, "id", "unpaired surrogates"],
    ["a NUL in an error message", { ...valid, success: false, error: { message: "bad\u0000" } }, "error.message", "without NUL"],
    ["a lone surrogate in file content", { ...valid, files: [{ path: "a", content: "\udc00" }] }, "files[0].content", "unpaired surrogates"],
    ["inputs nested too deep", { ...valid, inputs: nested(40) }, "inputs", "nested more than 32 levels"],
    ["a __proto__ key in inputs", { ...valid, inputs: JSON.parse('{"a":{"__proto__":{"x":1}}}') }, "inputs.a.__proto__", "__proto__"],
    ["a NUL in a key of inputs", { ...valid, inputs: { "k\u0000": 1 } }, "inputs", "keys must be text"],
    ["an infinite number in inputs", { ...valid, inputs: JSON.parse('{"n":[1e400]}') }, "inputs.n[0]", "finite number"],
  ])("rejects %s, naming the field", (_name, input, path, message) => {
    const out = validateEvents([valid, input], { receivedAt: Date.parse("2026-11-25T00:00:00Z") });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors[0]).toMatchObject({ index: 1, path });
    expect(out.errors[0]!.message).toContain(message);
  });

  test("accepts tabs, line breaks and escape sequences in free text, and a date up to a day ahead", () => {
    const out = validateEvents(
      [{ ...valid, startedAt: "2026-11-25T23:59:00Z", success: false, error: { message: "line 1\n\tline 2 \u001b[31mred\u001b[0m" }, inputs: { "ключ": "☃ 𝄞", deep: nested(31) } }],
      { receivedAt: Date.parse("2026-11-25T00:00:00Z") },
    );
    expect(out).toMatchObject({ ok: true });
  });

  test("accepts a complete event", () => {
    const out = validateEvents([
      { ...valid, id: "x", patternId: null, inputs: { a: 1 }, files: [{ path: "p", action: "created", content: "c" }], error: { type: "T", message: "m" }, retryOf: "y", fix: "z", source: "ci" },
    ]);
    expect(out.ok).toBe(true);
  });

  test("refuses more events than a request may carry", () => {
    const out = validateEvents(Array.from({ length: LIMITS.eventsPerRequest + 1 }, () => valid));
    expect(out).toMatchObject({ ok: false, tooMany: true });
  });

  test("property: any JSON value either validates or yields errors with an index and a path, never a throw", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.jsonValue(), fc.record({ operation: fc.jsonValue(), startedAt: fc.jsonValue(), durationMs: fc.jsonValue(), success: fc.jsonValue() }))), (items) => {
        const out = validateEvents(items);
        if (!out.ok) {
          for (const e of out.errors) {
            expect(Number.isInteger(e.index)).toBe(true);
            expect(typeof e.path).toBe("string");
            expect(e.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 2000 },
    );
  }, 30_000); // a few seconds alone; the default 5 s is no promise of ours on a busy machine
});

describe("parseBody", () => {
  test.each([
    ["", "json", 0, "empty"],
    ["[]", "json", 0, "no events"],
    ['[{"a":1},{"b":}]', "json", 1, "invalid JSON"],
    ['[{"a":1},{"b":"x,]"}, {"c":', "json", 2, "invalid JSON"],
    ['{"a":1}\n{"b":2}\n{"c":', "ndjson", 2, "line 3"],
  ])("reports %j with the event index", (text, format, index, message) => {
    const out = parseBody(text, format as "json" | "ndjson");
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors[0]!.index).toBe(index);
    expect(out.errors[0]!.message).toContain(message);
  });

  test("property: any string parses or fails cleanly", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), fc.constantFrom("json" as const, "ndjson" as const), (text, format) => {
        const out = parseBody(text, format);
        if (!out.ok) expect(out.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  }, 30_000);
});
