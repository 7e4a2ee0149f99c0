// AUTO-007 through the real ingest path and analysis runs: a planted 3 % → 30 % shift is flagged with the
// day it began and the rates before and since (stored, listed, audited, reported), clears once the runs
// are healthy again, and a pattern that crosses the quarantine threshold is quarantined and flagged too.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { getPatterns } from "../queries/patterns/get-patterns";
import { getStatusEvents } from "../queries/reports/get-status-events";
import { statusChanges } from "../reports/status-changes";
import { createRandom } from "../simulate/random";
import { ingestEvents } from "../telemetry/ingest";
import type { ExecutionEvent } from "../telemetry/event-schema";
import { runAnalysis } from "./run";
import { ANALYSIS_STEPS } from "./steps";

const dialect = testDialect();
const DAY = 86_400_000;
const NOW = Date.parse("2026-11-25T20:00:00Z");
const TODAY = Date.parse("2026-11-25T00:00:00Z");
const dayAgo = (n: number) => new Date(TODAY - n * DAY).toISOString().slice(0, 10);

/** 3 runs a day for `days` days up to today, failing at `rate(daysAgo)`, at fixed hours (seeded failures). */
function runs(patternId: string, days: number, rate: (ago: number) => number, seed: number, endAgo = 0): ExecutionEvent[] {
  const r = createRandom(seed);
  const out: ExecutionEvent[] = [];
  for (let ago = days - 1; ago >= endAgo; ago--) {
    for (const hour of [3, 9, 15]) {
      const success = !r.chance(rate(ago));
      out.push({
        id: `${patternId}-${ago}-${hour}`, patternId, operation: `${patternId}_task`, startedAt: new Date(TODAY - ago * DAY + hour * 3_600_000).toISOString(),
        durationMs: 1000, success, source: "ci", ...(success ? {} : { error: { message: `step ${r.int(1, 4)} failed` } }),
      });
    }
  }
  return out;
}

describe(`degradation through the analysis run on ${dialect}`, () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(async () => db?.destroy());

  it("flags a 3 % → 30 % shift with the day it began and the rates before and since, and clears it once the runs recover", async () => {
    // 70 days at 3 runs a day: 3 % failures until 15 days ago, 30 % since
    const events = runs("deploy", 70, (ago) => (ago <= 14 ? 0.3 : 0.03), 5);
    expect((await ingestEvents(db, events, { maxEvents: Number.POSITIVE_INFINITY, now: NOW })).ok).toBe(true);
    await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(NOW) });

    const row = await db.prisma.pattern.findUniqueOrThrow({ where: { id: "deploy" } });
    expect(row.degrading).toBe(true);
    const since = row.degradingSince!.toISOString().slice(0, 10);
    expect(Math.abs(Date.parse(since) - Date.parse(dayAgo(14))) / DAY).toBeLessThanOrEqual(3);
    const stored = JSON.parse(row.degradingBaseline!) as { before: { runs: number; failures: number }; after: { runs: number; failures: number } };
    expect(stored.before.runs + stored.after.runs).toBe(210);
    expect(stored.after.failures / stored.after.runs).toBeGreaterThan(0.2);

    // patterns list --json
    const listed = (await getPatterns(db)).find((p) => p.id === "deploy")!;
    expect(listed).toMatchObject({ degrading: true, degradingSince: since });
    expect(listed.successRateBefore).toBeCloseTo(1 - stored.before.failures / stored.before.runs, 12);
    expect(listed.successRateAfter).toBeCloseTo(1 - stored.after.failures / stored.after.runs, 12);

    // the audit event carries the change, and the weekly report shows it
    const events2 = await getStatusEvents(db, { from: new Date(TODAY - 7 * DAY), to: new Date(TODAY + DAY) });
    expect(events2).toEqual([{ action: "evolution.degrading", patternId: "deploy", at: new Date(NOW), degradation: { since, ...stored } }]);
    const [change] = statusChanges(events2, [], new Map([["deploy", "Deploy"]]), new Date(TODAY + DAY));
    expect(change).toMatchObject({ change: "degrading", since: `${since}T00:00:00.000Z` });
    expect(change!.rateBefore).toBeCloseTo(listed.successRateBefore!, 4);
    expect(change!.rateAfter).toBeCloseTo(listed.successRateAfter!, 4);

    // a second run over the same runs changes nothing
    await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(NOW + 3_600_000) });
    expect(await db.prisma.pattern.findUniqueOrThrow({ where: { id: "deploy" } })).toMatchObject({ degrading: true, degradingSince: row.degradingSince, degradingBaseline: row.degradingBaseline });

    // 14 healthy days later the flag is cleared, and the clearing is recorded
    const later: ExecutionEvent[] = Array.from({ length: 14 * 3 }, (_, k) => ({
      id: `deploy-late-${k}`, patternId: "deploy", operation: "deploy_task", startedAt: new Date(TODAY + (1 + k / 3) * DAY).toISOString(), durationMs: 1000, success: true, source: "ci",
    }));
    expect((await ingestEvents(db, later, { maxEvents: Number.POSITIVE_INFINITY, now: TODAY + 16 * DAY })).ok).toBe(true);
    await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(TODAY + 15 * DAY) });
    expect(await db.prisma.pattern.findUniqueOrThrow({ where: { id: "deploy" } })).toMatchObject({ degrading: false, degradingSince: null, degradingBaseline: null });
    expect(await db.prisma.auditEvent.count({ where: { action: "evolution.recovered", targetId: "deploy" } })).toBe(1);
  });

  it("leaves a stable pattern alone", async () => {
    expect((await ingestEvents(db, runs("steady", 70, () => 0.1, 8), { maxEvents: Number.POSITIVE_INFINITY, now: NOW })).ok).toBe(true);
    await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(NOW) });
    expect(await db.prisma.pattern.findUniqueOrThrow({ where: { id: "steady" } })).toMatchObject({ degrading: false, degradingSince: null });
  });

  it("quarantines a pattern that crosses the quarantine threshold (AUTO-005), and flags it degrading too", async () => {
    const events = runs("migrate", 70, (ago) => (ago <= 11 ? 0.8 : 0.03), 9); // 80 % failures for the last 12 days
    expect((await ingestEvents(db, events, { maxEvents: Number.POSITIVE_INFINITY, now: NOW })).ok).toBe(true);
    await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(NOW) });
    const row = await db.prisma.pattern.findUniqueOrThrow({ where: { id: "migrate" } });
    expect(row.status).toBe("quarantined");
    expect(row.degrading).toBe(true);
    expect(Math.abs(row.degradingSince!.getTime() - (TODAY - 11 * DAY)) / DAY).toBeLessThanOrEqual(3);
  });

  it("reads a flag stored before the change-point rule ({ runs, successes }) as its runs before", async () => {
    expect((await ingestEvents(db, runs("legacy", 70, (ago) => (ago <= 14 ? 0.4 : 0.02), 10), { maxEvents: Number.POSITIVE_INFINITY, now: NOW })).ok).toBe(true);
    await db.prisma.pattern.update({ where: { id: "legacy" }, data: { degrading: true, degradingSince: new Date(TODAY - 10 * DAY + 5_000), degradingBaseline: JSON.stringify({ runs: 100, successes: 98 }) } });
    await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(NOW) });
    const row = await db.prisma.pattern.findUniqueOrThrow({ where: { id: "legacy" } });
    expect(row.degrading).toBe(true); // still much worse than 2 %
    expect(row.degradingSince).toEqual(new Date(TODAY - 10 * DAY)); // the day it was flagged
    expect(JSON.parse(row.degradingBaseline!)).toMatchObject({ before: { runs: 100, failures: 2 } });
    expect(await db.prisma.auditEvent.count({ where: { action: { startsWith: "evolution." } } })).toBe(0); // kept, not re-raised
  });
});
