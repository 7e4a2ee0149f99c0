// The reports list reads one page at a time: newest week first by default, sortable by week or by when it
// was generated, narrowed to one source, with the total the pager needs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../../db/test-db";
import { getReportSources, getWeeklyReports } from "./get-weekly-reports";

const data = (executions: number) => JSON.stringify({ hasData: executions > 0, executions, successRate: null, timeSavedMs: 0, missedUses: [], opportunities: [{}], daily: [] });

describe(`the stored weeks, a page at a time, on ${testDialect()}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
    // generated in an order unlike the weeks', so the two sorts differ
    const weeks = ["2026-W40", "2026-W43", "2026-W41", "2026-W44", "2026-W42"];
    await db.prisma.weeklyReport.createMany({
      data: [
        ...weeks.map((week, i) => ({ id: `all-${week}`, week, source: "", data: data(i + 1), markdown: "", generatedAt: new Date(Date.UTC(2026, 10, 1 + i)), generatedBy: "job" })),
        { id: "ci-2026-W44", week: "2026-W44", source: "ci", data: data(7), markdown: "", generatedAt: new Date(Date.UTC(2026, 10, 9)), generatedBy: "ada" },
      ],
    });
  });
  afterAll(async () => db?.destroy());

  it("pages newest week first with the total of the source", async () => {
    const first = await getWeeklyReports(db, { source: null, sort: { id: "week", desc: true }, limit: 2, offset: 0 });
    expect(first.total).toBe(5);
    expect(first.rows.map((r) => r.id)).toEqual(["2026-W44", "2026-W43"]);
    const last = await getWeeklyReports(db, { source: null, sort: { id: "week", desc: true }, limit: 2, offset: 4 });
    expect(last.rows.map((r) => r.week)).toEqual(["2026-W40"]);
    expect(last.rows[0]).toMatchObject({ executions: 1, opportunities: 1, generatedBy: "job" });
  });

  it("sorts by when a week was generated", async () => {
    const page = await getWeeklyReports(db, { source: null, sort: { id: "generatedAt", desc: false }, limit: 10, offset: 0 });
    expect(page.rows.map((r) => r.week)).toEqual(["2026-W40", "2026-W43", "2026-W41", "2026-W44", "2026-W42"]);
  });

  it("narrows to one source", async () => {
    const page = await getWeeklyReports(db, { source: "ci", sort: { id: "week", desc: true }, limit: 10, offset: 0 });
    expect(page).toMatchObject({ total: 1, rows: [{ week: "2026-W44", executions: 7, generatedBy: "ada" }] });
    expect(await getReportSources(db)).toEqual(["ci"]);
  });
});
