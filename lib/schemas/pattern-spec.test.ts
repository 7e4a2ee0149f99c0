import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { patternSpecSchema, specFromYaml, specToYaml, type PatternSpec } from "./pattern-spec";

const spec = fc.record({
  name: fc.string({ minLength: 1, maxLength: 40 }),
  operation: fc.string({ minLength: 1, maxLength: 40 }),
  parameters: fc.array(fc.record({ name: fc.string({ minLength: 1, maxLength: 10 }), observed: fc.array(fc.string(), { maxLength: 5 }), required: fc.boolean() }), { maxLength: 4 }),
  invariants: fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.integer(), fc.boolean())),
  examples: fc.array(fc.string({ minLength: 1 }), { maxLength: 5 }),
  successRate: fc.double({ min: 0, max: 1, noNaN: true }),
  medianDurationMs: fc.integer({ min: 0, max: 1e7 }),
});

describe("pattern spec YAML", () => {
  test("property: a spec survives YAML and the schema unchanged", () => {
    fc.assert(
      fc.property(spec, (s) => {
        const parsed = patternSpecSchema.parse(s) as PatternSpec;
        expect(specFromYaml(specToYaml(parsed))).toEqual(parsed);
      }),
      { numRuns: 500 },
    );
  });

  test("a spec with an unknown field or a rate above 1 is refused", () => {
    expect(() => specFromYaml("name: a\noperation: b\nparameters: []\ninvariants: {}\nexamples: []\nsuccessRate: 1.5\nmedianDurationMs: 3\n")).toThrow();
    expect(() => specFromYaml("name: a\noperation: b\nparameters: []\ninvariants: {}\nexamples: []\nsuccessRate: 1\nmedianDurationMs: 3\ncolour: red\n")).toThrow();
  });
});
