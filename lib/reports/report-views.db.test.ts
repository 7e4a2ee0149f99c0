// The three views people query directly (migration *_report_views) agree with the weekly report. The
// data sits in the current ISO week, up to now, so "the last 7 days" of top_patterns_weekly (which reads
// the database's clock) covers exactly it, and the report of the current week covers the same runs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAnalysis } from "../analysis/run";
import { ANALYSIS_STEPS } from "../analysis/steps";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { ingestEvents } from "../telemetry/ingest";
import { generateWeeklyReport } from "./generate-weekly-report";
import { isoWeekOf, parseIsoWeek } from "./iso-week";
import type { WeeklyReportData } from "./types";

const dialect = testDialect();

describe(`the report views on ${dialect}`, () => {
  let db: TestDb;
  let report: WeeklyReportData;
  let patternId: string;
  const durations = [12_000, 18_000, 9_000, 30_000];

  beforeAll(async () => {
    db = await createTestDb();
    const now = Date.now();
    const start = parseIsoWeek(isoWeekOf(new Date(now))).from.getTime();
    const t = (k: number) => new Date(start + Math.floor(((now - start) * k) / 20));
    const ingest = async (events: unknown[]) => expect((await ingestEvents(db, events, { now })).ok).toBe(true);
    await ingest([1, 2, 3, 4, 5].map((k) => ({ id: `v-ev-${k}`, operation: "export_invoices", inputs: { region: "eu" }, startedAt: t(k).toISOString(), durationMs: 60_000, success: true })));
    await runAnalysis(db, { steps: ANALYSIS_STEPS, now: t(6) });
    patternId = (await db.prisma.patternCandidate.findFirstOrThrow({ where: { status: "auto_approved" } })).patternId!;
    await ingest([
      ...durations.map((ms, i) => ({ id: `v-p-${i}`, patternId, operation: "export_invoices", startedAt: t(7 + i).toISOString(), durationMs: ms, success: i !== 2 })),
      ...[0, 1].map((i) => ({ id: `v-t-${i}`, patternId: "telemetry-only", operation: "lint", startedAt: t(11 + i).toISOString(), durationMs: 500, success: true })),
      ...["a", "b", "c"].map((host, i) => ({ id: `v-r-${i}`, operation: "rotate_logs", inputs: { host }, startedAt: t(13 + i).toISOString(), durationMs: 1000, success: true })),
    ]);
    await runAnalysis(db, { steps: ANALYSIS_STEPS, now: t(17) });
    ({ report } = await generateWeeklyReport(db, { week: isoWeekOf(new Date(now)), now: new Date(now) }));
  });
  afterAll(async () => db?.destroy());

  it("pattern_performance: uses, success rate and time saved as in the report, and the median duration", async () => {
    const rows = await db.prisma.$queryRaw<Array<{ patternId: string; uses: unknown; successRate: unknown; medianDurationMs: unknown; timeSavedMs: unknown; baselineSource: string | null }>>`
      SELECT "patternId", "uses", "successRate", "medianDurationMs", "timeSavedMs", "baselineSource" FROM "pattern_performance" WHERE "uses" > 0 ORDER BY "patternId"`;
    expect(rows).toHaveLength(report.patterns.length);
    for (const p of report.patterns) {
      const row = rows.find((r) => r.patternId === p.patternId)!;
      expect(Number(row.uses)).toBe(p.uses);
      expect(Number(row.successRate)).toBeCloseTo(p.successRate, 4);
      expect(Number(row.timeSavedMs)).toBe(p.timeSavedMs);
      expect(row.baselineSource).toBe(p.baselineSource);
    }
    expect(Number(rows.find((r) => r.patternId === patternId)!.medianDurationMs)).toBe(15_000); // (12 s + 18 s) / 2
    expect(report.patterns.find((p) => p.patternId === patternId)!.timeSavedMs).toBe(4 * 60_000 - 69_000);
  });

  it("top_patterns_weekly: the report's ranking by uses", async () => {
    const rows = await db.prisma.$queryRaw<Array<{ patternId: string; uses: unknown; successRate: unknown; timeSavedMs: unknown }>>`SELECT * FROM "top_patterns_weekly"`;
    expect(rows.map((r) => [r.patternId, Number(r.uses), Number(r.timeSavedMs)])).toEqual(report.patterns.slice(0, 10).map((p) => [p.patternId, p.uses, p.timeSavedMs]));
    expect(Number(rows[0]!.successRate)).toBeCloseTo(report.patterns[0]!.successRate, 4);
  });

  it("pattern_candidates_summary: the candidates the report counted", async () => {
    const rows = await db.prisma.$queryRaw<Array<{ kind: string; status: string; candidates: unknown }>>`SELECT "kind", "status", "candidates" FROM "pattern_candidates_summary" ORDER BY "status"`;
    const by = Object.fromEntries(rows.map((r) => [`${r.kind}/${r.status}`, Number(r.candidates)]));
    expect(by).toEqual({ "execution/auto_approved": report.candidates.autoApproved, "execution/pending": report.candidates.proposed - report.candidates.autoApproved });
    expect(report.candidates).toMatchObject({ proposed: 2, autoApproved: 1 });
  });
});
