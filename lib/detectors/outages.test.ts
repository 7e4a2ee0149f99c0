// Outage detection boundaries: how many patterns, what share failing, per source, bucket merging.
import fc from "fast-check";
import { describe, expect, it, test } from "vitest";
import { cellKey, detectOutages, duringOutage, judgeOutageCells, OUTAGE_BASELINE_MS, OUTAGE_BUCKET_MS, type RunSample } from "./outages";

const B = OUTAGE_BUCKET_MS;
const T0 = 1000 * B; // an aligned bucket start
const run = (patternId: string | null, success: boolean, at = T0 + 60_000, source: string | null = "ci-1"): RunSample => ({ patternId, source, startedAt: at, success });
/** `failing` patterns that failed every run, `ok` patterns that succeeded, all in one bucket of one source. */
const bucket = (failing: number, ok: number, at = T0 + 60_000, source: string | null = "ci-1") => [
  ...Array.from({ length: failing }, (_, i) => run(`f${i}`, false, at, source)),
  ...Array.from({ length: ok }, (_, i) => run(`ok${i}`, true, at, source)),
];
/**
 * Each pattern's usual record: `runs` earlier runs, the latest `failures` of them failed, one every 3 hours
 * from another source; patterns are staggered by 45 minutes so their failures never share a bucket.
 */
const history = (ids: string[], runs = 40, failures = 0) =>
  ids.flatMap((id, i) => Array.from({ length: runs }, (_, k) => run(id, k >= failures, T0 - (k + 1) * 3 * 3_600_000 - i * 45 * 60_000, "elsewhere")));
const healthy = (n: number) => history(Array.from({ length: n }, (_, i) => `f${i}`));

describe("detectOutages", () => {
  test.each([
    [3, 0, true], // 3 of 3: the smallest outage
    [2, 0, false], // 2 patterns are not "most patterns"
    [4, 1, true], // 80 %
    [3, 1, false], // 75 %
    [8, 2, true], // 80 %
    [7, 2, false], // 78 %
  ])("%d failing and %d healthy patterns in a bucket → outage: %s", (failing, ok, expected) => {
    expect(detectOutages([...healthy(failing), ...bucket(failing, ok)]).length > 0).toBe(expected);
  });

  it("reports the window, the source and the counts", () => {
    expect(detectOutages([...healthy(4), ...bucket(4, 1)])).toEqual([{ source: "ci-1", start: T0, end: T0 + B, patternsFailing: 4, patternsActive: 5 }]);
  });

  it("patterns that usually fail failing together are no outage", () => {
    expect(detectOutages([...history(["f0", "f1", "f2"], 40, 28), ...bucket(3, 0)])).toEqual([]); // flaky at 70 %
    expect(detectOutages(bucket(3, 0))).toEqual([]); // nothing else known about them: (1+1)/(1+2) each
    expect(detectOutages([...history(["f0", "f1", "f2"], 40, 28), ...bucket(3, 0), ...bucket(3, 0, T0 + 120_000)])).toEqual([]);
  });

  test.each([
    [0.1, true], // 0.1³ = 0.001: just improbable enough
    [0.11, false], // 0.0013
  ])("three patterns that usually fail at %d, one failed run each → outage: %s", (rate, expected) => {
    expect(detectOutages(bucket(3, 0), { baseline: () => rate }).length > 0).toBe(expected);
  });

  it("judges a pattern by its last 7 days: one that broke days ago is not surprising, an old failure streak is forgotten", () => {
    const brokeRecently = history(["f0", "f1", "f2"], 40, 20); // the 20 latest runs (2.5 days) all failed
    expect(detectOutages([...brokeRecently, ...bucket(3, 0)])).toEqual([]);
    const longAgo = history(["f0", "f1", "f2"], 40, 0).map((r) => ({ ...r, startedAt: r.startedAt - 30 * 86_400_000, success: false }));
    expect(detectOutages([...longAgo, ...healthy(3), ...bucket(3, 0)])).toHaveLength(1);
  });

  it("a long outage does not raise its own baseline", () => {
    // ten buckets in a row; counted in the baseline, the first failures would hide the later ones
    const runs = [...healthy(3), ...Array.from({ length: 10 }, (_, k) => bucket(3, 0, T0 + k * B + 60_000)).flat()];
    expect(detectOutages(runs).map((w) => [w.start, w.end])).toEqual([[T0, T0 + 10 * B]]);
  });

  it("grows a window over the failures at its edges, up to the source's nearest successes", () => {
    const M = 60_000;
    const edges = [
      run("f0", true, T0 - 20 * M), run("f1", false, T0 - 10 * M), // before: a success, then a failure
      run("f2", false, T0 + B + 5 * M), run("x", true, T0 + B + 10 * M), run("f0", false, T0 + B + 20 * M), // after
      run("f1", false, T0 + B + 5 * M, "ci-2"), // another source does not count
    ];
    expect(detectOutages([...healthy(3), ...bucket(3, 0), ...edges]).map((w) => [w.start, w.end])).toEqual([[T0 - 10 * M, T0 + B + 5 * M + 1]]);
  });

  it("a pattern with one success in the bucket is not failing there", () => {
    const runs = [...healthy(3), ...bucket(3, 0), run("f0", true)];
    expect(detectOutages(runs)).toEqual([]);
  });

  it("does not mix sources, and keeps runs without a source as their own group", () => {
    const split = [...healthy(3), ...bucket(2, 0, T0, "a"), run("f2", false, T0, "b")];
    expect(detectOutages(split)).toEqual([]);
    expect(detectOutages([...healthy(3), ...bucket(3, 0, T0, null)])).toMatchObject([{ source: null }]);
  });

  it("ignores ad-hoc runs", () => {
    expect(detectOutages([...healthy(2), ...bucket(2, 0), run(null, false), run(null, false)])).toEqual([]);
  });

  it("merges adjacent outage buckets and keeps separate ones apart", () => {
    const runs = [...healthy(3), ...bucket(3, 0, T0), ...bucket(3, 0, T0 + B), ...bucket(3, 0, T0 + 3 * B)];
    expect(detectOutages(runs).map((w) => [w.start, w.end])).toEqual([
      [T0, T0 + 2 * B],
      [T0 + 3 * B, T0 + 4 * B],
    ]);
  });

  it("duringOutage matches the run's own source and the half-open window", () => {
    const w = detectOutages([...healthy(3), ...bucket(3, 0)]);
    expect(w).toHaveLength(1);
    expect(duringOutage({ source: "ci-1", startedAt: T0 }, w)).toBe(true);
    expect(duringOutage({ source: "ci-1", startedAt: T0 + B }, w)).toBe(false);
    expect(duringOutage({ source: "ci-2", startedAt: T0 + 5 }, w)).toBe(false);
  });

  it("property: no window without ≥ 3 active patterns, none when every run succeeded, result independent of order", () => {
    const arb = fc.array(fc.record({ p: fc.constantFrom("a", "b", "c", "d", null), s: fc.constantFrom("x", "y", null), ok: fc.boolean(), t: fc.integer({ min: 0, max: 6 * B }) }), { maxLength: 80 });
    fc.assert(
      fc.property(arb, (rows) => {
        const runs = rows.map((r) => run(r.p, r.ok, T0 + r.t, r.s));
        const found = detectOutages(runs);
        for (const w of found) {
          expect(w.patternsActive).toBeGreaterThanOrEqual(3);
          expect(w.patternsFailing / w.patternsActive).toBeGreaterThanOrEqual(0.8 - 1e-9);
        }
        expect(detectOutages(runs.map((r) => ({ ...r, success: true })))).toEqual([]);
        expect(detectOutages([...runs].reverse())).toEqual(found);
      }),
    );
  });

  it("property: judging cells as their runs arrive, with the outages found before as known, finds what judging all at once finds", () => {
    // buckets of 5 patterns on 2 sources, each bucket healthy, down (every run fails) or mixed, spread over 12 days
    let withOutages = 0;
    const arbBucket = fc.record({ at: fc.integer({ min: 0, max: 12 * 48 }), source: fc.constantFrom("x", "y"), mode: fc.constantFrom("ok", "ok", "down", "mixed"), seed: fc.integer({ min: 0, max: 1000 }) });
    fc.assert(
      fc.property(fc.array(arbBucket, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 12 * 48 }), (buckets, cut) => {
        const runs: RunSample[] = buckets.flatMap((b) =>
          ["a", "b", "c", "d", "e"].flatMap((p, i) =>
            Array.from({ length: 1 + ((b.seed + i) % 3) }, (_, k) => run(p, b.mode === "ok" || (b.mode === "mixed" && (b.seed + i + k) % 3 > 0), T0 + b.at * B + k * 60_000 + i, b.source)),
          ),
        );
        const keys = (cells: ReturnType<typeof judgeOutageCells>) => cells.filter((c) => c.outage).map((c) => cellKey(c.source, c.bucket)).sort();
        const all = keys(judgeOutageCells(runs));
        if (all.length) withOutages++;
        const split = T0 + cut * B;
        const before = judgeOutageCells(runs.filter((r) => r.startedAt < split));
        const after = judgeOutageCells(
          runs.filter((r) => r.startedAt >= split - OUTAGE_BASELINE_MS),
          { judge: (_s, bucket) => bucket * B >= split, known: before.filter((c) => c.outage) },
        );
        expect([...keys(before), ...keys(after)].sort()).toEqual(all);
      }),
      { numRuns: 300 },
    );
    expect(withOutages).toBeGreaterThan(30); // the generator does produce outages to compare
  });
});
