import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../../db/test-db";
import { getDailyTotals, sumTotals } from "./get-daily-totals";
import { getTopPatterns } from "./get-top-patterns";

describe(`overview reads on ${testDialect()}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
    await db.prisma.pattern.createMany({
      data: [
        { id: "deploy", name: "Deploy", baselineDurationMs: 10_000, baselineSource: "evidence" },
        { id: "lint", name: "Lint" },
      ],
    });
    const m = (day: string, patternId: string, executions: number, successes: number, totalDurationMs: number) => ({
      day, patternId, operation: patternId || "adhoc", executions, successes, failures: executions - successes, totalDurationMs,
    });
    await db.prisma.patternMetricDaily.createMany({
      data: [
        m("2026-11-01", "deploy", 4, 3, 24_000), // saves 4 × 10 s − 24 s = 16 s
        m("2026-11-02", "deploy", 2, 2, 30_000), // slower than the baseline: −10 s
        m("2026-11-02", "lint", 10, 9, 5_000), // no baseline: saves nothing
        m("2026-11-02", "", 3, 1, 9_000), // ad hoc
        m("2026-10-20", "deploy", 100, 100, 0), // outside the range
      ],
    });
  });
  afterAll(async () => db?.destroy());

  it("sums each day of the range, with time saved only for patterns that have a baseline", async () => {
    const days = await getDailyTotals(db, { from: "2026-11-01", to: "2026-11-07" });
    expect(days).toEqual([
      { day: "2026-11-01", executions: 4, successes: 3, failures: 1, timeSavedMs: 16_000 },
      { day: "2026-11-02", executions: 15, successes: 12, failures: 3, timeSavedMs: -10_000 },
    ]);
    expect(sumTotals(days)).toEqual({ executions: 19, successes: 15, successRate: 15 / 19, timeSavedMs: 6_000 });
  });

  it("ranks the busiest patterns of the range, ad-hoc work left out", async () => {
    const top = await getTopPatterns(db, { from: "2026-11-01", to: "2026-11-07" });
    expect(top).toEqual([
      { patternId: "lint", name: "Lint", status: "active", runs: 10, successRate: 0.9, timeSavedMs: null },
      { patternId: "deploy", name: "Deploy", status: "active", runs: 6, successRate: 5 / 6, timeSavedMs: 6_000 },
    ]);
  });
});
