// Outage cells through the analysis run: judged when their runs arrive, kept between runs, judged again
// when late runs land in them, and their runs kept out of quarantine in later runs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { cellKey, judgeOutageCells, OUTAGE_BASELINE_MS, OUTAGE_BUCKET_MS, type RunSample } from "../detectors/outages";
import { simulateFailureScenarios } from "../simulate/failure-scenarios";
import { getOutages } from "../queries/anti-patterns/get-outages";
import { ingestEvents } from "../telemetry/ingest";
import { getSettings } from "../schemas/settings";
import { settledSeq } from "../telemetry/in-flight";
import { HORIZON_MS, runOutages } from "./outages";
import { EXECUTIONS_CURSOR, runAnalysis } from "./run";
import { ANALYSIS_STEPS } from "./steps";

const dialect = testDialect();
const HOUR = 3_600_000;
const T = Math.floor(Date.parse("2026-11-20T10:00:00Z") / OUTAGE_BUCKET_MS) * OUTAGE_BUCKET_MS; // a bucket start
const patterns = ["p1", "p2", "p3", "p4"];
let n = 0;
const ev = (patternId: string, at: number, success: boolean, source = "ci-1") => ({
  id: `e${n++}`, patternId, operation: "op", startedAt: new Date(at).toISOString(), durationMs: 5, success, source,
  ...(success ? {} : { error: { message: "connection refused by runner" } }),
});

describe(`outages through the analysis run on ${dialect}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db?.destroy());
  const analyse = (at: number) => runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(at) });

  it("finds an outage, keeps it, judges it again when late runs arrive, and keeps its runs out of quarantine", async () => {
    // a healthy week, one run per pattern every 2 hours from another source
    const history = patterns.flatMap((p, i) => Array.from({ length: 84 }, (_, k) => ev(p, T - (k + 1) * 2 * HOUR - i * 60_000, true, "ci-2")));
    // then every pattern fails 4 times on ci-1 in one bucket
    const down = patterns.flatMap((p, i) => Array.from({ length: 4 }, (_, k) => ev(p, T + k * 5 * 60_000 + i * 1000, false)));
    expect((await ingestEvents(db, [...history, ...down])).ok).toBe(true);
    const first = await analyse(T + 2 * HOUR);
    expect(first.counts.outageCells).toBe(1);
    expect(first.findings.some((f) => f.startsWith("outage on ci-1"))).toBe(true);
    expect(await db.prisma.outageCell.findMany({ select: { source: true, bucketStart: true, patternsFailing: true } })).toEqual([
      { source: "ci-1", bucketStart: new Date(T), patternsFailing: 4 },
    ]);
    // what the Anti-patterns page lists
    expect(await getOutages(db, { days: 1, now: new Date(T + HOUR) })).toEqual([{ source: "ci-1", start: T, end: T + OUTAGE_BUCKET_MS, patternsFailing: 4, patternsActive: 4 }]);

    // one failure each elsewhere, in buckets of their own: counted with the outage's 4 it would make a
    // streak of 5 after a clean week (broken, quarantined); the stored outage keeps it at 1
    const later = patterns.map((p, i) => ev(p, T + 3 * HOUR + i * 40 * 60_000, false, "ci-2"));
    expect((await ingestEvents(db, later)).ok).toBe(true);
    const second = await analyse(T + 7 * HOUR);
    expect(second.counts.outageCells).toBe(0);
    expect(await db.prisma.outageCell.count()).toBe(1);
    expect(await db.prisma.pattern.count({ where: { status: "quarantined" } })).toBe(0);
    expect(await db.prisma.antiPattern.count({ where: { kind: "failing_pattern", status: { in: ["proposed", "quarantined"] } } })).toBe(0);

    // late successes of two patterns inside the bucket: judged again, no longer an outage
    expect((await ingestEvents(db, [ev("p1", T + 20 * 60_000, true), ev("p2", T + 21 * 60_000, true)])).ok).toBe(true);
    await analyse(T + 8 * HOUR);
    expect(await db.prisma.outageCell.count()).toBe(0);
  });

  it("analysed week by week, stores exactly the outage cells the detector finds over all the runs at once, and each week's windows and their runs are what a first run over everything finds", async () => {
    const fresh = await createTestDb();
    try {
      const now = Date.parse("2026-11-25T12:00:00Z");
      const { events, truth } = simulateFailureScenarios({ seed: 5, now });
      events.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
      let from = 0;
      for (let end = Date.parse(events[0]!.startedAt) + 7 * 86_400_000; from < events.length; end += 7 * 86_400_000) {
        let to = from;
        while (to < events.length && Date.parse(events[to]!.startedAt) < end) to++;
        expect((await ingestEvents(fresh, events.slice(from, to), { maxEvents: Number.POSITIVE_INFINITY, now })).ok).toBe(true);
        // this week's incremental judgement (the runs around windows that did not change reused, or read again
        // where they did) against one from scratch
        const cursor = (await fresh.prisma.cursor.findUnique({ where: { name: EXECUTIONS_CURSOR } }))?.position ?? 0;
        if (cursor > 0) {
          const ctxFrom = async (fromSeq: number) => ({ db: fresh, now: new Date(Math.min(end, now)), fromSeq, toSeq: await settledSeq(fresh), settings: await getSettings(fresh), runId: `probe-${fromSeq}` });
          const [incremental, whole] = [await runOutages(await ctxFrom(cursor)), await runOutages(await ctxFrom(0))];
          const inOrder = (runs: RunSample[]) => [...runs].sort((a, b) => a.startedAt - b.startedAt || String(a.source).localeCompare(String(b.source)) || String(a.patternId).localeCompare(String(b.patternId)) || Number(a.success) - Number(b.success));
          expect(incremental.windows).toEqual(whole.windows);
          expect(inOrder(incremental.around)).toEqual(inOrder(whole.around));
        }
        await runAnalysis(fresh, { steps: ANALYSIS_STEPS, now: new Date(Math.min(end, now)) });
        from = to;
      }
      const horizon = now - HORIZON_MS;
      const samples = events
        .filter((e) => e.patternId && Date.parse(e.startedAt) >= horizon - OUTAGE_BASELINE_MS)
        .map((e) => ({ patternId: e.patternId!, source: e.source ?? null, startedAt: Date.parse(e.startedAt), success: e.success }));
      const expected = judgeOutageCells(samples, { judge: (_s, bucket) => bucket * OUTAGE_BUCKET_MS >= horizon })
        .filter((c) => c.outage)
        .map((c) => cellKey(c.source, c.bucket))
        .sort();
      expect(expected.length).toBeGreaterThan(0);
      const planted = truth.outages[0]!;
      expect(expected.some((k) => k.endsWith(`=${planted.source}`))).toBe(true);
      expect((await fresh.prisma.outageCell.findMany({ select: { id: true } })).map((c) => c.id).sort()).toEqual(expected);
    } finally {
      await fresh.destroy();
    }
  });
});
