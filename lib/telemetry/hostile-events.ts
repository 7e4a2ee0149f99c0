// fast-check generators of hostile telemetry, shared by the validators' property test and the route's
// fuzzer over HTTP: events as the raw JSON text a client could send (so that `__proto__` keys, 1e400 and
// lone surrogates survive to the server), mostly near the contract and each with a chance of every attack
// the contract must refuse: deep nesting, 5 MB strings, NUL and control characters, unpaired surrogates,
// prototype keys, dates out of range, numbers out of range, wrong types.
import fc from "fast-check";

/** Built once: fast-check would take seconds to generate strings of this size. */
export const FIVE_MB = "x".repeat(5 * 1024 * 1024);

/** A JSON value nested `depth` deep (as text: building it as an object and stringifying would overflow the stack). */
export function nestedText(depth: number, kind: "array" | "object"): string {
  return kind === "array" ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

/** A JSON string literal whose content may hold anything, lone surrogates included (JSON.stringify escapes them). */
const lit = (s: string) => JSON.stringify(s);

const nasty = fc.constantFrom("\u0000", "a\u0000b", "\ud800", "x\udfff", "\u001b[31m", "line\nbreak", "\u007f", "tab\there", "\u2028", "é", "𝄞", "");
const nastyString = fc.oneof(
  { arbitrary: fc.string({ maxLength: 12 }), weight: 6 },
  { arbitrary: fc.tuple(fc.string({ maxLength: 6 }), nasty, fc.string({ maxLength: 6 })).map(([a, b, c]) => a + b + c), weight: 6 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 8 }), weight: 2 },
);

/** Raw JSON text of a value that is wrong for most fields (the heavy ones rarely: they cost time, not coverage). */
const nastyValueText = fc.oneof(
  { arbitrary: nastyString.map(lit), weight: 8 },
  { arbitrary: fc.constantFrom("null", "true", "0", "-0", "-1", "1.5", "2147483648", "1e400", "-1e400", "9007199254740993", "[]", "{}", '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"x":1}}}'), weight: 8 },
  { arbitrary: fc.constantFrom(nestedText(10_000, "array"), nestedText(10_000, "object"), nestedText(33, "object"), lit(FIVE_MB)), weight: 1 },
);

const goodDate = fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2026-11-30T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString());
const badDate = fc.constantFrom(
  "1999-12-31T23:59:59.999Z", "0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2099-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
  "+275760-09-13T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-20", "2026-11-20T10:00:00", "yesterday", "2026-11-20T10:00:00+25:00",
);

/** A field's raw JSON text: usually fine, sometimes hostile. */
const field = (good: fc.Arbitrary<string>) => fc.oneof({ arbitrary: good, weight: 30 }, { arbitrary: nastyValueText, weight: 1 });

const goodInputs = fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }).map((o) => JSON.stringify(o));
const hostileInputs = fc.oneof(
  goodInputs,
  fc.tuple(fc.constantFrom("__proto__", "constructor", "prototype", "toString", "k\u0000", "\ud800", "ok"), nastyValueText).map(([k, v]) => `{${lit(k)}:${v}}`),
  fc.constantFrom(`{"deep":${nestedText(10_000, "array")}}`, `{"deep":${nestedText(31, "object")}}`, `{"n":1e400}`, `{"big":${lit("b".repeat(20_000))}}`),
);

const goodFiles = fc.array(
  fc.record({ path: fc.constantFrom("src/a.ts", "b.md", "dir/ü.txt"), action: fc.constantFrom("created", "modified"), content: fc.string({ maxLength: 20 }) }),
  { maxLength: 2 },
).map((f) => JSON.stringify(f));
const hostileFiles = fc.oneof(
  goodFiles,
  fc.tuple(nastyValueText, nastyValueText).map(([p, c]) => `[{"path":${p},"content":${c}}]`),
  fc.tuple(nasty, nasty).map(([p, c]) => `[{"path":${lit(`p${p}`)},"content":${lit(c)}}]`),
  fc.constantFrom(`[{"path":"a","__proto__":{}}]`, `[{"path":"a","content":${lit(FIVE_MB)}}]`),
);

const hostileError = fc.oneof(
  { arbitrary: fc.string({ maxLength: 30 }).map((m) => `{"type":"Error","message":${lit(m)}}`), weight: 8 },
  { arbitrary: fc.tuple(nastyValueText, nastyValueText).map(([t, m]) => `{"type":${t},"message":${m}}`), weight: 2 },
  { arbitrary: fc.tuple(nasty, nasty).map(([t, m]) => `{"type":${lit(t)},"message":${lit(m)}}`), weight: 2 },
  { arbitrary: fc.constant(`{"message":"m","__proto__":{"x":1}}`), weight: 1 },
);

/** One event as raw JSON text; `id` makes every generated event distinct (so what is stored can be counted). */
export function hostileEventText(id: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const members = fc.record(
    {
      id: field(id.map(lit)),
      patternId: field(fc.oneof(fc.constant("null"), fc.constantFrom("pat-a", "pat-b").map(lit))),
      operation: field(fc.constantFrom("deploy", "create_api_endpoint", "run tests").map(lit)),
      inputs: fc.oneof({ arbitrary: goodInputs, weight: 12 }, { arbitrary: hostileInputs, weight: 3 }, { arbitrary: nastyValueText, weight: 1 }),
      files: fc.oneof({ arbitrary: goodFiles, weight: 12 }, { arbitrary: hostileFiles, weight: 2 }),
      startedAt: fc.oneof({ arbitrary: goodDate.map(lit), weight: 24 }, { arbitrary: badDate.map(lit), weight: 2 }, { arbitrary: nastyValueText, weight: 1 }),
      durationMs: field(fc.integer({ min: 0, max: 3_600_000 }).map(String)),
      success: field(fc.boolean().map(String)),
      error: hostileError,
      fix: field(fc.constantFrom("restart", "bump timeout").map(lit)),
      source: field(fc.constantFrom("ci-1", "agent").map(lit)),
      // keys that JavaScript objects treat specially ("proto" is written as __proto__ below)
      proto: fc.constant("{}"),
      constructor: fc.constant('"x"'),
    },
    { requiredKeys: ["id", "operation", "startedAt", "durationMs", "success"] },
  );
  // the special keys only now and then, so that valid events stay common enough to check what is stored
  return fc.tuple(members, fc.integer({ min: 0, max: 9 })).map(([m, dice]) => {
    const entries = Object.entries(m).filter(([k]) => (k !== "proto" && k !== "constructor") || dice === 0);
    return `{${entries.map(([k, v]) => `${lit(k === "proto" ? "__proto__" : k)}:${v}`).join(",")}}`;
  });
}
