import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { fastRow } from "./fast-path";
import { hostileEventText } from "./hostile-events";
import { toRow } from "./normalize";
import { checkEvents, validateEvents } from "./validate";

// The two validators — the fast path (with zod behind it) and zod alone — must give the same verdict on
// anything, hostile or not, and the fast path's row must be the one zod's event gives.
const RECEIVED = Date.parse("2026-11-30T12:00:00Z");
const events = hostileEventText(fc.uuid().map((u) => `ev-${u}`)).map((text) => JSON.parse(text) as Record<string, unknown>);

describe("hostile events: the fast path and zod agree", () => {
  test("property: same verdict, same row, never a throw", () => {
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(events, (event) => {
        const both = checkEvents([event], RECEIVED);
        const zodOnly = validateEvents([event], { receivedAt: RECEIVED });
        expect(both.ok).toBe(zodOnly.ok);
        if (!both.ok || !zodOnly.ok) {
          invalid++;
          if (!both.ok && !zodOnly.ok) expect(both.errors).toEqual(zodOnly.errors);
          return;
        }
        valid++;
        const slow = toRow(zodOnly.events[0]!, RECEIVED);
        const fast = fastRow(event, RECEIVED);
        if (fast) expect(fast).toEqual({ ...slow, id: fast.id });
        expect(both.rows[0]).toEqual({ ...slow, id: both.rows[0]!.id });
        // what is stored is what was sent: the id, and inputs that read back the same
        expect(both.rows[0]!.id).toBe(event.id);
        if (event.inputs !== undefined) expect(both.rows[0]!.inputs).toBe(JSON.stringify(event.inputs));
      }),
      { numRuns: 3000 },
    );
    // both branches must be reached often, or the property proves little
    expect(valid).toBeGreaterThan(300);
    expect(invalid).toBeGreaterThan(300);
  }, 120_000);
});
