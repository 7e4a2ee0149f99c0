import { describe, expect, it } from "vitest";
import { weeksToReport } from "./report";

const at = (iso: string) => new Date(iso);

describe("weeksToReport", () => {
  it.each([
    ["on time: the week that just ended", "2026-11-30T00:30:00Z", "2026-11-23T00:30:00Z", ["2026-W48"]],
    ["first scheduled run ever", "2026-11-30T00:30:00Z", null, ["2026-W48"]],
    ["two Mondays missed: every week since", "2026-12-14T00:31:00Z", "2026-11-23T00:30:00Z", ["2026-W48", "2026-W49", "2026-W50"]],
    ["caught up on Wednesday", "2026-12-02T09:00:00Z", "2026-11-23T00:30:00Z", ["2026-W48"]],
  ])("%s", (_name, now, previous, weeks) => {
    expect(weeksToReport(at(now), previous ? at(previous) : null)).toEqual(weeks);
  });

  it("writes at most 12 weeks after a long outage, the latest ones", () => {
    const weeks = weeksToReport(at("2026-11-30T00:30:00Z"), at("2026-01-05T00:30:00Z"));
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)).toBe("2026-W48");
    expect(weeks[0]).toBe("2026-W37");
  });
});
