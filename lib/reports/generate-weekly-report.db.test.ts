// AUTO-004 end to end on a real database: numbers of a known week, storage that is never rewritten
// except by an explicit regenerate, a source narrowing, an empty week, and follow-ups a week later.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { ingestEvents } from "../telemetry/ingest";
import { generateWeeklyReport, ReportError } from "./generate-weekly-report";
import { setPatternBaseline } from "../mutations/set-pattern-baseline";
import { FIXTURE_NOW, FIXTURE_WEEK, HOSTILE_ID, seedReportFixture } from "./report-fixture";

const dialect = testDialect();

describe(`the weekly report on ${dialect}`, () => {
  let db: TestDb;
  let patternId: string;

  beforeAll(async () => {
    db = await createTestDb();
    patternId = await seedReportFixture(db);
  });
  afterAll(async () => db?.destroy());

  it("records the evidence's median as the pattern's baseline when the candidate is approved", async () => {
    const p = await db.prisma.pattern.findUniqueOrThrow({ where: { id: patternId } });
    expect(p).toMatchObject({ baselineDurationMs: 60_000, baselineSource: "evidence" });
  });

  it("reports the last complete week by default, with usage, time saved, missed uses and opportunities", async () => {
    const { report, markdown, stored } = await generateWeeklyReport(db, { now: FIXTURE_NOW });
    expect(stored).toBe(true);
    expect(report).toMatchObject({ week: FIXTURE_WEEK, hasData: true, executions: 11, source: null });
    expect(report.successRate).toBeCloseTo(9 / 11, 4);
    // 4 runs × 60 s baseline − 80 s of runs
    expect(report.timeSavedMs).toBe(160_000);
    expect(report.patterns[0]).toMatchObject({ patternId, uses: 4, successRate: 0.75, timeSavedMs: 160_000, baselineSource: "evidence", baselineDurationMs: 60_000 });
    expect(report.byTimeSaved.map((p) => p.patternId)).toEqual([patternId]);
    // two ad-hoc export_invoices runs (120 s) bypassed the pattern, whose runs average 20 s
    expect(report.missedUses).toEqual([expect.objectContaining({ patternId, runs: 2, hoursSaved: 0.02, sources: ["team-b"] })]);
    expect(report.opportunities).toEqual([expect.objectContaining({ operation: "rotate_logs", runs: 3, hours: 0.03 })]);
    expect(report.opportunities[0]!.candidateId).toMatch(/^cand_/);
    expect(report.fixes).toEqual({ applied: 0, succeeded: 0, successRate: null });
    expect(report.daily.map((d) => d.day)).toEqual(["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"]);
    expect(markdown).toContain("xychart-beta");
    expect(markdown).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(markdown).not.toContain(HOSTILE_ID);
    const row = await db.prisma.weeklyReport.findUniqueOrThrow({ where: { week_source: { week: FIXTURE_WEEK, source: "" } } });
    expect(JSON.parse(row.data)).toEqual(report);
    expect(await db.prisma.auditEvent.count({ where: { action: "report.generate", targetId: FIXTURE_WEEK } })).toBe(1);
  });

  it("never rewrites a stored week, until an admin regenerates it", async () => {
    const late = { id: "fx-late", patternId, operation: "export_invoices", startedAt: "2026-11-22T10:00:00Z", durationMs: 10_000, success: true };
    expect((await ingestEvents(db, [late], { now: FIXTURE_NOW.getTime() })).ok).toBe(true);
    const again = await generateWeeklyReport(db, { week: FIXTURE_WEEK, now: new Date("2026-11-26T00:00:00Z") });
    expect(again.stored).toBe(false);
    expect(again.report.executions).toBe(11);
    expect(again.report.generatedAt).toBe(FIXTURE_NOW.toISOString());
    const redone = await generateWeeklyReport(db, { week: FIXTURE_WEEK, regenerate: true, actor: "ada", now: new Date("2026-11-26T00:00:00Z") });
    expect(redone).toMatchObject({ stored: true, report: { executions: 12, timeSavedMs: 160_000 + 50_000 } });
    expect(await db.prisma.auditEvent.findFirst({ where: { action: "report.regenerate" } })).toMatchObject({ actor: "ada", targetId: FIXTURE_WEEK });
  });

  it("narrows to one source and stores that report apart", async () => {
    const { report } = await generateWeeklyReport(db, { week: FIXTURE_WEEK, source: "team-b", now: FIXTURE_NOW });
    expect(report).toMatchObject({ source: "team-b", executions: 3 });
    expect(report.patterns).toEqual([expect.objectContaining({ patternId, uses: 1, successRate: 0 })]);
    expect(report.missedUses[0]).toMatchObject({ runs: 2 });
    expect(report.opportunities).toEqual([]);
    expect(await db.prisma.weeklyReport.count({ where: { week: FIXTURE_WEEK } })).toBe(2);
  });

  it("says so, briefly, for a week with no data; and does not store a week that is not over", async () => {
    const empty = await generateWeeklyReport(db, { week: "2026-W40", now: FIXTURE_NOW });
    expect(empty.report).toMatchObject({ hasData: false, executions: 0, patterns: [], missedUses: [] });
    expect(empty.markdown).toContain("No executions were recorded in 2026-W40");
    expect(empty.markdown.split("\n").length).toBeLessThan(8);
    const current = await generateWeeklyReport(db, { week: "2026-W48", source: null, now: FIXTURE_NOW });
    expect(current).toMatchObject({ stored: false, notStoredBecause: "2026-W48 is not over yet" });
  });

  it("follows up on the week before's stored report", async () => {
    const later = [0, 1].map((i) => ({ id: `fx-w48-${i}`, patternId, operation: "export_invoices", startedAt: `2026-11-2${4 + i}T10:00:00Z`, durationMs: 20_000, success: true }));
    expect((await ingestEvents(db, later, { now: FIXTURE_NOW.getTime() })).ok).toBe(true);
    const { report, markdown } = await generateWeeklyReport(db, { week: "2026-W48", now: new Date("2026-12-01T00:00:00Z") });
    expect(report.previousReport).toBe(true);
    expect(report.changes.executions).toEqual({ value: 2, previous: 12 });
    expect(report.followUps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "opportunity", subject: "rotate_logs", outcome: "proposed as a candidate, awaiting review" }),
        expect.objectContaining({ kind: "missed-use", outcome: "no ad-hoc runs bypassed it this week" }),
      ]),
    );
    expect(markdown).toContain("## Follow-ups on last week");
  });

  it("fills a missing baseline lazily, and keeps an admin's", async () => {
    await db.prisma.pattern.update({ where: { id: patternId }, data: { baselineDurationMs: null, baselineSource: null } });
    await generateWeeklyReport(db, { week: "2026-W46", now: FIXTURE_NOW });
    expect(await db.prisma.pattern.findUniqueOrThrow({ where: { id: patternId } })).toMatchObject({ baselineDurationMs: 60_000, baselineSource: "evidence" });
    await setPatternBaseline(db, { patternId, durationMs: 90_000, actor: "ada" });
    const { report } = await generateWeeklyReport(db, { week: FIXTURE_WEEK, regenerate: true, now: new Date("2026-11-27T00:00:00Z") });
    expect(report.patterns[0]).toMatchObject({ baselineSource: "admin", baselineDurationMs: 90_000, timeSavedMs: 5 * 90_000 - 90_000 });
    expect(await db.prisma.auditEvent.findFirst({ where: { action: "pattern.baseline", targetId: patternId } })).toMatchObject({ actor: "ada" });
    await expect(setPatternBaseline(db, { patternId, durationMs: -1, actor: "ada" })).rejects.toThrow(/durationMs/);
    expect(await setPatternBaseline(db, { patternId, durationMs: null, actor: "ada" })).toEqual({ baselineDurationMs: 60_000, baselineSource: "evidence" });
  });

  it("refuses a week that is not one, as bad usage", async () => {
    await expect(generateWeeklyReport(db, { week: "2026-W60" })).rejects.toMatchObject({ name: "ReportError", exitCode: 2, message: expect.stringContaining("W01 to W53") });
    await expect(generateWeeklyReport(db, { week: "2026-W60" })).rejects.toBeInstanceOf(ReportError);
  });
});
