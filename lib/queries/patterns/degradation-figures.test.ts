// Reading a degrading pattern's stored flag back: the change-point rule's { before, after }, a flag stored
// by the earlier weekly rule ({ runs, successes }), and text that does not parse.
import { describe, expect, it, test } from "vitest";
import { degradationFigures, parseStoredDegradation } from "./degradation-figures";

describe("parseStoredDegradation", () => {
  test.each([
    ['{"before":{"runs":150,"failures":3},"after":{"runs":40,"failures":12}}', { before: { runs: 150, failures: 3 }, after: { runs: 40, failures: 12 } }],
    ['{"before":{"runs":150,"failures":3}}', { before: { runs: 150, failures: 3 }, after: null }],
    ['{"runs":100,"successes":97}', { before: { runs: 100, failures: 3 }, after: null }],
    ['{"before":{"runs":"many"}}', null],
    ["not json", null],
    [null, null],
  ] as Array<[string | null, unknown]>)("%s → %j", (json, expected) => {
    expect(parseStoredDegradation(json)).toEqual(expected);
  });
});

describe("degradationFigures", () => {
  const since = new Date("2026-11-11T00:00:00Z");
  it("gives the day and the success rates before and since", () => {
    const stored = '{"before":{"runs":150,"failures":3},"after":{"runs":40,"failures":12}}';
    expect(degradationFigures({ degrading: true, degradingSince: since, degradingBaseline: stored })).toEqual({
      since: "2026-11-11", successRateBefore: 0.98, successRateAfter: 0.7, runsBefore: 150, runsAfter: 40,
    });
  });

  it("has no after figures for a flag stored by the weekly rule, and nothing for a pattern that is not degrading", () => {
    expect(degradationFigures({ degrading: true, degradingSince: since, degradingBaseline: '{"runs":100,"successes":97}' })).toMatchObject({ successRateBefore: 0.97, successRateAfter: null, runsAfter: null });
    expect(degradationFigures({ degrading: false, degradingSince: null, degradingBaseline: null })).toBeNull();
  });
});
