import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { executionEventSchema, LIMITS } from "./event-schema";
import { fastRow } from "./fast-path";
import { toRow } from "./normalize";

// Events near the contract: mostly valid values, with a chance of every kind of wrong one.
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
const text = (max: number) => fc.oneof(fc.string({ maxLength: 8 }), fc.string({ minLength: max - 2, maxLength: max + 2 }));
const iso = fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString());
/** When the server "received" the generated events: after every date the generator makes. */
const RECEIVED = Date.parse("2100-01-01T00:00:00Z");
const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: bad, weight: 1 });
const weird = fc.oneof(fc.constant(null), fc.integer(), fc.constant(""), fc.double(), fc.boolean(), fc.array(fc.integer(), { maxLength: 2 }));
const nearEvent = fc.record(
  {
    id: mostly(text(LIMITS.idLength), weird),
    patternId: mostly(fc.oneof(text(LIMITS.idLength), fc.constant(null)), weird),
    operation: mostly(text(LIMITS.operationLength), weird),
    inputs: mostly(fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), weird),
    files: mostly(
      fc.array(fc.record({ path: mostly(fc.string({ maxLength: 6 }), weird), action: maybe(fc.constantFrom("created", "modified", "deleted")), content: maybe(fc.oneof(fc.string(), weird)) }, { requiredKeys: ["path"] }), { maxLength: 3 }),
      weird,
    ),
    startedAt: mostly(iso, fc.oneof(iso.map((s) => s.slice(0, 10)), fc.string({ maxLength: 25 }), weird)),
    durationMs: mostly(fc.integer({ min: -5, max: 1e6 }), fc.oneof(fc.double(), fc.constant(2 ** 31), weird)),
    success: mostly(fc.boolean(), weird),
    error: mostly(fc.record({ type: maybe(fc.string({ maxLength: 5 })), message: mostly(fc.string({ maxLength: 40 }), weird) }, { requiredKeys: [] }), weird),
    retryOf: mostly(text(LIMITS.idLength), weird),
    fix: mostly(text(LIMITS.fixLength), weird),
    source: mostly(text(LIMITS.sourceLength), weird),
    colour: fc.string(),
  },
  { requiredKeys: [] },
).chain((e) =>
  // required fields are usually present, an unknown key rarely, so the accepting branch is reached often
  fc.record({ keepColour: fc.integer({ min: 0, max: 20 }), operation: text(LIMITS.operationLength), startedAt: iso, durationMs: fc.integer({ min: 0, max: 1e6 }), success: fc.boolean() }).map(
    ({ keepColour, ...required }) => {
      const out: Record<string, unknown> = { ...required, ...e };
      if (keepColour !== 0) delete out.colour;
      return out;
    },
  ),
);

describe("the fast path agrees with the zod schema", () => {
  test("property: whatever the fast path accepts, zod accepts, and the rows are the same", () => {
    let accepted = 0;
    fc.assert(
      fc.property(nearEvent, (event) => {
        const fast = fastRow(event, RECEIVED);
        if (fast === null) return;
        accepted++;
        const parsed = executionEventSchema.safeParse(event);
        expect(parsed.success).toBe(true);
        if (!parsed.success) return;
        const slow = toRow(parsed.data, RECEIVED);
        if (event.id === undefined) {
          expect(fast.id.startsWith("srv_")).toBe(true);
          slow.id = fast.id;
        }
        expect(fast).toEqual(slow);
      }),
      { numRuns: 20_000 },
    );
    expect(accepted).toBeGreaterThan(200); // the generator must reach the accepting branch, or the test proves nothing
  }, 60_000); // 20,000 cases take ~4 s alone and longer beside the other test files: the default 5 s is not a limit on anything we promise

  test.each([
    ["a valid minimal event", true, { operation: "o", startedAt: "2026-11-20T10:00:00Z", durationMs: 1, success: true }],
    ["an unknown key", false, { operation: "o", startedAt: "2026-11-20T10:00:00Z", durationMs: 1, success: true, x: 1 }],
    ["content that might exceed 64 KiB in UTF-8", false, { operation: "o", startedAt: "2026-11-20T10:00:00Z", durationMs: 1, success: true, files: [{ path: "p", content: "é".repeat(30_000) }] }],
    ["an impossible date", false, { operation: "o", startedAt: "2026-02-30T10:00:00Z", durationMs: 1, success: true }],
  ])("%s: accepted by the fast path = %s", (_name, expected, event) => {
    expect(fastRow(event, RECEIVED) !== null).toBe(expected);
  });
});
