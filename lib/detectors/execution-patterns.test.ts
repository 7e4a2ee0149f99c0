import { describe, expect, test } from "vitest";
import { simulateAdHoc } from "../simulate/adhoc-scenarios";
import { detectExecutionPatterns, grewMaterially, pathShape, type AdHocRun } from "./execution-patterns";

const NOW = Date.parse("2026-11-25T12:00:00Z");
const toRuns = (events: ReturnType<typeof simulateAdHoc>["events"]): AdHocRun[] =>
  events.map((e) => ({
    id: e.id!, operation: e.operation, inputs: (e.inputs as Record<string, unknown>) ?? null, filePaths: (e.files ?? []).map((f) => f.path),
    startedAt: Date.parse(e.startedAt), durationMs: e.durationMs, success: e.success,
  }));

describe("AUTO-001 execution pattern detector", () => {
  test.each([
    ["reports/acme-12/summary.md", "reports/*/*.md"],
    ["src/users/index.ts", "src/users/*.ts"],
    ["Makefile", "*"],
  ])("path shape of %s is %s", (path, shape) => expect(pathShape(path)).toBe(shape));

  test.each([
    [3, 5, false],
    [3, 6, true],
    [10, 19, false],
    [10, 20, true],
  ])("a group rejected at %i that has %i runs grew materially: %s", (at, now, expected) => expect(grewMaterially(at, now)).toBe(expected));

  test("proposes a spec with the varying inputs as parameters and the fixed ones as invariants", () => {
    const runs: AdHocRun[] = ["acme", "globex", "initech"].map((t, i) => ({
      id: `r${i}`, operation: "rotate_api_keys", inputs: { target: t, region: "eu" }, filePaths: [], startedAt: NOW - i * 3_600_000, durationMs: 1000 * (i + 1), success: true,
    }));
    const [c] = detectExecutionPatterns(runs, { now: NOW, minSize: 3 });
    expect(c!.spec).toMatchObject({ operation: "rotate_api_keys", invariants: { region: "eu" }, parameters: [{ name: "target", required: true }], medianDurationMs: 2000, successRate: 1 });
    expect(c!.evidence).toEqual(["r0", "r1", "r2"]);
    expect(c!.confidence).toBeGreaterThan(0);
    expect(c!.confidence).toBeLessThanOrEqual(1);
    expect(detectExecutionPatterns(runs.slice(0, 2), { now: NOW, minSize: 3 })).toEqual([]);
  });

  test.each([1, 2, 3, 4, 5])("planted groups are found exactly (precision ≥ 0.95, recall ≥ 0.90), near-misses never (seed %i)", (seed) => {
    const { events, truth } = simulateAdHoc({ seed, now: NOW });
    const found = detectExecutionPatterns(toRuns(events), { now: NOW, minSize: 3 });
    const planted = truth.groups.map((g) => [...g.ids].sort().join(","));
    const matched = found.filter((c) => planted.includes([...c.evidence].sort().join(",")));
    const precision = matched.length / found.length;
    const recall = matched.length / planted.length;
    console.log(`AUTO-001 seed ${seed}: precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (${found.length} candidates, ${planted.length} planted)`);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    for (const op of truth.nearMissOperations) expect(found.some((c) => c.operation === op)).toBe(false);
  });
});
