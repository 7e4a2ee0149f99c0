// AUTO-005: recurring signatures and pattern health — window, minimum evidence, broken vs flaky,
// outages and lifted quarantines, each at its boundary.
import fc from "fast-check";
import { describe, expect, it, test } from "vitest";
import { assessPattern, couldQuarantine, moreToRead, QUARANTINE_WINDOW_MS, recurringErrors, tallyErrors, type AssessContext } from "./anti-patterns";
import { DEFAULT_SETTINGS, type DailySuccess, type ExecutionFact, type OutageWindow } from "./types";

const S = DEFAULT_SETTINGS;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 10, 25, 12);
const ctx = (over: Partial<AssessContext> = {}): AssessContext => ({ now: NOW, countFrom: null, outages: [], ...over });

/** Runs from a string of outcomes, oldest first, one per hour ending an hour before NOW: "SSF" = ok, ok, failed. */
function runs(outcomes: string, opts: { end?: number; source?: string; step?: number } = {}): ExecutionFact[] {
  const step = opts.step ?? HOUR;
  const end = opts.end ?? NOW - HOUR;
  return [...outcomes].map((c, i) => ({
    seq: i, id: `r${i}`, patternId: "p", operation: "op", startedAt: end - (outcomes.length - 1 - i) * step, durationMs: 1,
    success: c === "S", errorKey: c === "S" ? null : "k", errorSignature: c === "S" ? null : "boom", retryOf: null, fix: null,
    source: opts.source ?? "ci-1", inputs: null,
  }));
}
const mix = (n: number, failures: number) => {
  // failures spread evenly among successes, the last run a success (no trailing streak)
  const out = Array.from({ length: n }, () => "S");
  for (let i = 0; i < failures; i++) out[Math.floor((i * n) / failures)] = "F";
  if (out[n - 1] === "F") [out[0], out[n - 1]] = [out[n - 1]!, out[0]!];
  return out.join("");
};

describe("recurringErrors", () => {
  it("keeps signatures that failed at least 3 times, most frequent first", () => {
    const t = (errorKey: string, occurrences: number) => ({ errorKey, signature: errorKey, occurrences, firstAt: 0, lastAt: 1, patternIds: ["b", "a", "a"] });
    const found = recurringErrors([t("two", 2), t("three", 3), t("nine", 9)]);
    expect(found.map((e) => [e.errorKey, e.patternIds])).toEqual([["nine", ["a", "b"]], ["three", ["a", "b"]]]);
    expect(recurringErrors([t("two", 2)], { minOccurrences: 2 })).toHaveLength(1);
  });

  it("tallies failed runs per signature, with the patterns involved", () => {
    const r = runs("FSFF");
    r[0]!.patternId = null;
    expect(tallyErrors(r)).toEqual([{ errorKey: "k", signature: "boom", occurrences: 3, firstAt: r[0]!.startedAt, lastAt: r[3]!.startedAt, patternIds: ["p"] }]);
  });
});

describe("assessPattern: minimum evidence and the failure-rate line", () => {
  // failure rate ≥ 0.40 and Wilson lower bound ≥ 0.20: under 20 runs the bound binds, from 20 the rate
  test.each([
    [9, 5, "insufficient", false],
    [10, 4, "healthy", false], // 40 % but lower bound 0.168
    [10, 5, "flaky", true], // lower bound 0.237
    [15, 6, "healthy", false], // lower bound 0.198
    [15, 7, "flaky", true],
    [20, 7, "healthy", false], // 35 %
    [20, 8, "flaky", true], // 40 %, lower bound 0.219
    [50, 19, "healthy", false],
    [50, 20, "flaky", true],
  ])("%d runs with %d interleaved failures → %s (quarantine %s)", (n, f, classification, quarantine) => {
    const h = assessPattern(runs(mix(n, f)), ctx(), S);
    expect([h.considered, h.failures, h.classification, h.quarantine]).toEqual([n, f, classification, quarantine]);
  });

  it("follows the setting", () => {
    expect(assessPattern(runs(mix(50, 20)), ctx(), { ...S, autoQuarantineFailureRate: 0.5 }).quarantine).toBe(false);
  });

  it("property: never quarantines on fewer than 10 considered runs", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[SF]{0,9}$/), (o) => {
        const h = assessPattern(runs(o), ctx(), S);
        expect(h.quarantine).toBe(false);
        expect(h.classification).toBe("insufficient");
      }),
    );
  });

  it("property: order does not matter, evidence is bounded", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[SF]{0,80}$/), (o) => {
        const r = runs(o);
        const h = assessPattern(r, ctx(), S);
        expect(assessPattern([...r].reverse(), ctx(), S)).toEqual(h);
        expect(h.considered).toBeLessThanOrEqual(50);
        expect(h.evidence.failedRunIds.length).toBeLessThanOrEqual(10);
        if (h.quarantine) expect(h.considered).toBeGreaterThanOrEqual(10);
      }),
    );
  });
});

describe("assessPattern: broken vs flaky", () => {
  const alt = "SF".repeat(15); // 30 runs at 50 %, ending on a failure
  test.each([
    ["F".repeat(10), "broken"], // every run failed
    ["S".repeat(45) + "F".repeat(5), "broken"], // healthy, then 5 in a row
    ["S".repeat(46) + "F".repeat(4), "healthy"], // 4 in a row is not yet a streak
    // before the streak 15 of 31 failed, Wilson upper bound 0.652
    [alt + "S" + "F".repeat(16), "flaky"], // 0.652^16 = 0.0011: it happens
    [alt + "S" + "F".repeat(17), "broken"], // 0.652^17 = 0.00069: it does not
    ["S".repeat(30) + "F".repeat(20), "broken"], // a long streak after a clean record
  ])("%s → %s", (o, classification) => {
    const h = assessPattern(runs(o), ctx(), S);
    expect(h.classification).toBe(classification);
    expect(h.quarantine).toBe(classification !== "healthy");
  });

  it("compares a long streak with the whole 30-day record, not only the latest 50 runs", () => {
    // the latest 50 are F S F×48: from those alone the rate before the streak would be 1 of 2
    const h = assessPattern(runs("S".repeat(40) + "FS" + "F".repeat(48)), ctx(), S);
    expect([h.considered, h.classification]).toEqual([50, "broken"]);
  });

  it("lists the latest failed runs as evidence, newest first", () => {
    const h = assessPattern(runs("S".repeat(30) + "F".repeat(12)), ctx(), S);
    expect(h.evidence.failedRunIds).toEqual(Array.from({ length: 10 }, (_, i) => `r${41 - i}`));
    expect(h.evidence.windowEnd).toBe(NOW);
  });
});

describe("assessPattern: window, outages, lifted quarantines", () => {
  it("only looks at the last 30 days", () => {
    const old = runs("F".repeat(20), { end: NOW - 31 * DAY });
    const recent = runs("S".repeat(10)).map((r) => ({ ...r, id: `n${r.id}` }));
    const h = assessPattern([...old, ...recent], ctx(), S);
    expect([h.considered, h.quarantine]).toEqual([10, false]);
    expect(h.evidence.windowStart).toBe(NOW - 30 * DAY);
  });

  it("only looks at the latest 50 runs", () => {
    const h = assessPattern(runs("F".repeat(40) + "S".repeat(50), { step: HOUR / 4 }), ctx(), S);
    expect([h.considered, h.failures, h.quarantine]).toEqual([50, 0, false]);
  });

  it("ignores runs inside an outage of their own source, not of another", () => {
    const r = runs("S".repeat(30) + "F".repeat(20) + "S".repeat(5), { step: 60_000 });
    const outage = (source: string): OutageWindow => ({ source, start: r[30]!.startedAt, end: r[49]!.startedAt + 1, patternsFailing: 5, patternsActive: 5 });
    expect(assessPattern(r, ctx(), S).quarantine).toBe(true);
    const h = assessPattern(r, ctx({ outages: [outage("ci-1")] }), S);
    expect([h.considered, h.failures, h.quarantine]).toEqual([35, 0, false]);
    expect(assessPattern(r, ctx({ outages: [outage("ci-2")] }), S).quarantine).toBe(true);
  });

  it("after a lift, the same old failures do not quarantine again; new ones can", () => {
    const old = runs("F".repeat(30), { end: NOW - 2 * DAY });
    const liftedAt = NOW - DAY;
    expect(assessPattern(old, ctx(), S).quarantine).toBe(true);
    const after = assessPattern(old, ctx({ countFrom: liftedAt }), S);
    expect([after.considered, after.quarantine, after.evidence.windowStart]).toEqual([0, false, liftedAt]);
    const fresh = runs("F".repeat(10), { step: 60_000 }).map((r) => ({ ...r, id: `n${r.id}` }));
    expect(assessPattern([...old, ...fresh], ctx({ countFrom: liftedAt }), S)).toMatchObject({ considered: 10, quarantine: true });
  });

  it("ignores runs after now", () => {
    const future = runs("F".repeat(20), { end: NOW + 30 * DAY });
    expect(assessPattern(future, ctx(), S).considered).toBe(0);
  });
});

describe("moreToRead", () => {
  test.each([
    ["S".repeat(60) + "FFFF", false, "nothing"], // streak of 4: shorter than the broken threshold
    ["S".repeat(60) + "FFFFF", false, "window totals"], // streak of 5: compared with the rest of the window
    ["S".repeat(60) + "FFFFF", true, "nothing"], // ... which is all there is
    ["F".repeat(64), false, "every run"], // every run read failed: the streak may go further back
  ])("%s (complete: %s) → %s", (outcomes, complete, expected) => {
    expect(moreToRead(runs(outcomes), complete)).toBe(expected);
  });

  it("property: the latest runs, with the window's totals when asked for, give the verdict all the runs give", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("S", "S", "S", "F", "F"), { minLength: 0, maxLength: 300 }), fc.integer({ min: 50, max: 120 }), (outcomes, take) => {
        const all = runs(outcomes.join(""), { step: HOUR / 4 });
        const latest = all.slice(-take);
        const complete = latest.length === all.length;
        const more = moreToRead(latest, complete);
        if (more === "every run") return; // the analysis then reads them all
        const window = more === "window totals" ? { runs: all.length, failures: all.filter((r) => !r.success).length } : undefined;
        expect(assessPattern(latest, ctx({ window }), S)).toEqual(assessPattern(all, ctx(), S));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("couldQuarantine", () => {
  const WINDOW = { now: NOW, windowStart: NOW - QUARANTINE_WINDOW_MS, completeFrom: Number.NEGATIVE_INFINITY };
  /** The runs' totals per UTC day, as the daily metrics give them (outage runs already left out). */
  const perDay = (rs: readonly ExecutionFact[]): DailySuccess[] => {
    const byDay = new Map<string, DailySuccess>();
    for (const r of rs) {
      const day = new Date(r.startedAt).toISOString().slice(0, 10);
      const d = byDay.get(day) ?? { day, executions: 0, successes: 0 };
      d.executions++;
      if (r.success) d.successes++;
      byDay.set(day, d);
    }
    return [...byDay.values()];
  };
  // one run every 6 hours, ending an hour before NOW (four a day)
  const sixHourly = (outcomes: string) => runs(outcomes, { step: 6 * HOUR });

  test.each([
    ["9 runs, all failed", "F".repeat(9), false], // fewer than 10: insufficient
    ["healthy, 1 failure in 60", "S".repeat(30) + "F" + "S".repeat(29), false],
    ["every run failed", "F".repeat(12), true],
    ["a trailing streak of 5", "S".repeat(55) + "F".repeat(5), true],
    ["a streak of 4 spread over the last day", "S".repeat(56) + "F".repeat(4), false],
    ["failing 2 runs in 5, interleaved", "SFSFS".repeat(12), true],
    ["failing 1 run in 5", "SSSSF".repeat(12).slice(0, 59) + "S", false],
  ])("%s → %s", (_, outcomes, could) => {
    expect(couldQuarantine(perDay(sixHourly(outcomes)), WINDOW, S)).toBe(could);
  });

  it("a success after now does not end a streak, and runs after now are not considered", () => {
    const at = (hoursBeforeNow: number, success: boolean, i: number): ExecutionFact => ({ ...runs("S")[0]!, seq: i, id: `x${i}`, startedAt: NOW - hoursBeforeNow * HOUR, success });
    const earlier = Array.from({ length: 40 }, (_, i) => at(48 + 6 * i, true, 100 + i));
    // yesterday S F F F, today F F before noon, S after: 5 in a row among the considered runs
    const streak = [at(23, true, 1), at(20, false, 2), at(16, false, 3), at(14, false, 4), at(6, false, 5), at(2, false, 6), at(-6, true, 7)];
    expect(assessPattern([...earlier, ...streak], ctx(), S).quarantine).toBe(true);
    expect(couldQuarantine(perDay([...earlier, ...streak]), WINDOW, S)).toBe(true);
    // 10 of 20 failed over the last days (flaky), and 40 successes later today, after now
    const flaky = Array.from({ length: 20 }, (_, i) => at(14 + 6 * i, i % 2 === 0, 200 + i));
    const later = Array.from({ length: 40 }, (_, i) => at(-1 - i / 10, true, 300 + i));
    expect(assessPattern([...flaky, ...later], ctx(), S).quarantine).toBe(true);
    expect(couldQuarantine(perDay([...flaky, ...later]), WINDOW, S)).toBe(true);
  });

  it("counts a day partly outside the window as possibly holding none of its runs", () => {
    // 12 runs, the 8 last today (NOW is noon): today's successes may all come after now
    const today = [{ day: "2026-11-25", executions: 8, successes: 8 }, { day: "2026-11-24", executions: 4, successes: 0 }];
    expect(couldQuarantine(today, WINDOW, S)).toBe(true);
    expect(couldQuarantine([{ ...today[0]!, day: "2026-11-23" }, today[1]!], WINDOW, S)).toBe(false);
    // the window's first day (it starts at noon): its 40 successes may all come before the window
    const later = [{ day: "2026-10-28", executions: 6, successes: 3 }, { day: "2026-10-29", executions: 6, successes: 3 }];
    expect(couldQuarantine([{ day: "2026-10-26", executions: 40, successes: 40 }, ...later], WINDOW, S)).toBe(true);
    expect(couldQuarantine([{ day: "2026-10-27", executions: 40, successes: 40 }, ...later], WINDOW, S)).toBe(false);
    // nor a day holding fewer than 10 runs in all: 4 failures of 8 may be all there is to consider
    expect(couldQuarantine([{ day: "2026-11-20", executions: 8, successes: 4 }, { day: "2026-11-25", executions: 4, successes: 4 }], WINDOW, S)).toBe(true);
  });

  it("counts a day retention may have emptied as possibly holding none of its runs", () => {
    // 12 runs left in the last 4 days, 8 of them failed (flaky); the metrics still count 40 successes of
    // the week before, whose runs retention deleted
    const left = [..."SFF".repeat(4)].map((o, i) => ({ ...runs("S")[0]!, seq: i, id: `k${i}`, startedAt: NOW - (4 * DAY - (i + 1) * 7 * HOUR), success: o === "S" }));
    const days = [...Array.from({ length: 7 }, (_, i) => ({ day: `2026-11-${String(12 + i).padStart(2, "0")}`, executions: 6, successes: 6 })), ...perDay(left)];
    expect(assessPattern(left, ctx(), S).quarantine).toBe(true);
    expect(couldQuarantine(days, { ...WINDOW, completeFrom: Date.parse("2026-11-19T00:00:00Z") }, S)).toBe(true);
    expect(couldQuarantine(days, WINDOW, S)).toBe(false); // what it would say if the metrics were the runs
  });

  it("property: when it says no, assessPattern does not quarantine, whatever the order, outages, runs outside the window or deleted by retention", () => {
    const outage: OutageWindow = { source: "down", start: NOW - 3 * DAY, end: NOW - 2 * DAY, patternsFailing: 3, patternsActive: 3 };
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            // most runs near the edges, where days are partly in the window: the window's start and now
            at: fc.oneof(
              fc.integer({ min: NOW - 2 * DAY, max: NOW + DAY }),
              fc.integer({ min: NOW - QUARANTINE_WINDOW_MS - DAY, max: NOW - QUARANTINE_WINDOW_MS + DAY }),
              fc.integer({ min: NOW - QUARANTINE_WINDOW_MS - 2 * DAY, max: NOW + DAY }),
            ),
            success: fc.boolean(),
            down: fc.boolean(),
            // retention deletes the runs it has analysed before its cut-off and keeps the others
            analysed: fc.boolean(),
          }),
          { maxLength: 90 },
        ),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.integer({ min: -12 * HOUR, max: 12 * HOUR }), // now at any time of its day
        fc.option(fc.integer({ min: 1, max: 35 }), { nil: undefined }), // retention's cut-off, days before now
        (specs, rate, shift, retentionDays) => {
          const now = NOW + shift;
          const cutoff = retentionDays === undefined ? Number.NEGATIVE_INFINITY : Math.floor(now / DAY) * DAY - retentionDays * DAY;
          const all: ExecutionFact[] = specs.map((x, i) => ({
            ...runs("S")[0]!, seq: i, id: `r${i}`, startedAt: x.at, success: x.success, source: x.down ? "down" : "ci-1",
          }));
          const stored = all.filter((r, i) => !(r.startedAt < cutoff && specs[i]!.analysed));
          const outsideOutages = all.filter((r) => !(r.source === "down" && r.startedAt >= outage.start && r.startedAt < outage.end));
          const settings = { ...S, autoQuarantineFailureRate: rate };
          // the daily metrics count every run, deleted ones too
          if (couldQuarantine(perDay(outsideOutages), { now, windowStart: now - QUARANTINE_WINDOW_MS, completeFrom: cutoff }, settings)) return;
          expect(assessPattern(stored, ctx({ now, outages: [outage] }), settings).quarantine).toBe(false);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("property: it says no to most healthy patterns (what makes it worth asking)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("S", "S", "S", "S", "S", "S", "S", "S", "S", "F"), { minLength: 40, maxLength: 120 }), (outcomes) => {
        fc.pre(!outcomes.slice(-5).every((o) => o === "F"));
        const rs = sixHourly(outcomes.join(""));
        const h = assessPattern(rs, ctx(), S);
        if (!h.quarantine && h.failureRate < 0.2 && !outcomes.slice(-8).includes("F")) expect(couldQuarantine(perDay(rs), WINDOW, S)).toBe(false);
      }),
    );
  });
});
