// The daily metric increments a writer adds to pattern_metrics_daily: one per (day, pattern, operation),
// counted from the stored runs, merged across requests, and handed out in one stable order (concurrent
// writers lock the metric rows in that order).
import { describe, expect, test } from "vitest";
import { MetricFold } from "./normalize";

const at = (iso: string) => Date.parse(iso);

describe("MetricFold", () => {
  test("counts each (day, pattern, operation) apart, runs without a pattern under ''", () => {
    const fold = new MetricFold();
    fold.add(at("2026-11-02T23:59:59Z"), "p1", "build", true, 100);
    fold.add(at("2026-11-02T00:00:00Z"), "p1", "build", false, 50);
    fold.add(at("2026-11-03T00:00:00Z"), "p1", "build", true, 7);
    fold.add(at("2026-11-02T10:00:00Z"), null, "build", true, 1);
    fold.add(at("2026-11-02T10:00:00Z"), "p1", "test", true, 1);
    expect(fold.deltas()).toEqual([
      { day: "2026-11-02", patternId: "", operation: "build", executions: 1, successes: 1, failures: 0, totalDurationMs: 1 },
      { day: "2026-11-02", patternId: "p1", operation: "build", executions: 2, successes: 1, failures: 1, totalDurationMs: 150 },
      { day: "2026-11-02", patternId: "p1", operation: "test", executions: 1, successes: 1, failures: 0, totalDurationMs: 1 },
      { day: "2026-11-03", patternId: "p1", operation: "build", executions: 1, successes: 1, failures: 0, totalDurationMs: 7 },
    ]);
  });

  test("orders by day, then pattern, then operation, whatever the order runs came in", () => {
    const fold = new MetricFold();
    const keys: Array<[string, string, string]> = [["2026-11-03", "a", "x"], ["2026-11-02", "b", "x"], ["2026-11-02", "a", "y"], ["2026-11-02", "a", "x"], ["2026-11-02", "ab", "a"]];
    for (const [day, p, op] of keys) fold.add(at(`${day}T12:00:00Z`), p, op, true, 0);
    expect(fold.deltas().map((d) => `${d.day} ${d.patternId} ${d.operation}`)).toEqual(["2026-11-02 a x", "2026-11-02 a y", "2026-11-02 ab a", "2026-11-02 b x", "2026-11-03 a x"]);
  });

  test("merge adds another fold's increments and leaves it as it was", () => {
    const mine = new MetricFold();
    const theirs = new MetricFold();
    mine.add(at("2026-11-02T01:00:00Z"), "p", "op", true, 10);
    theirs.add(at("2026-11-02T02:00:00Z"), "p", "op", false, 5);
    theirs.add(at("2026-11-04T02:00:00Z"), "q", "op", true, 1);
    mine.merge(theirs);
    expect(mine.deltas()).toEqual([
      { day: "2026-11-02", patternId: "p", operation: "op", executions: 2, successes: 1, failures: 1, totalDurationMs: 15 },
      { day: "2026-11-04", patternId: "q", operation: "op", executions: 1, successes: 1, failures: 0, totalDurationMs: 1 },
    ]);
    expect(theirs.deltas().map((d) => d.executions)).toEqual([1, 1]);
  });
});
