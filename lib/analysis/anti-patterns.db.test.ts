// AUTO-005 across runs: what an incremental run must not get wrong about what earlier runs stored.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { updateSetting } from "../mutations/update-setting";
import { signatureKey, errorSignature } from "../signature";
import { ingestEvents } from "../telemetry/ingest";
import { runCleanup } from "../retention/run-cleanup";
import { runAnalysis } from "./run";
import { ANALYSIS_STEPS } from "./steps";
import { antiPatternsStep } from "./steps/anti-patterns";
import type { AnalysisStep } from "./types";

const dialect = testDialect();
const HOUR = 3_600_000;
const NOW = Date.parse("2026-11-25T12:00:00Z");
const MESSAGE = "disk quota exceeded on volume data";
let n = 0;
const ev = (patternId: string, success: boolean, at: number) => ({
  id: `a${n++}`, patternId, operation: "op", startedAt: new Date(at).toISOString(), durationMs: 5, success, source: "ci",
  ...(success ? {} : { error: { message: MESSAGE } }),
});

describe(`anti-patterns across analysis runs on ${dialect}`, () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(async () => db?.destroy());

  it("a failure that arrives while a run is under way is counted once, by the next run", async () => {
    expect((await ingestEvents(db, [1, 2, 3].map((k) => ev("p", false, NOW - k * HOUR)))).ok).toBe(true);
    // a step before AUTO-005 that lets a failure in after the run fixed the range it reads
    const lateArrival: AnalysisStep = {
      name: "telemetry arriving meanwhile",
      run: async () => {
        expect((await ingestEvents(db, [ev("p", false, NOW - 30 * 60_000)])).ok).toBe(true);
        return { counts: {}, findings: [], persist: async () => {} };
      },
    };
    await runAnalysis(db, { steps: [lateArrival, antiPatternsStep], now: new Date(NOW) });
    const key = `error:${signatureKey(errorSignature(MESSAGE))}`;
    expect((await db.prisma.antiPattern.findUniqueOrThrow({ where: { key } })).occurrences).toBe(3);
    await runAnalysis(db, { steps: [antiPatternsStep], now: new Date(NOW) });
    expect((await db.prisma.antiPattern.findUniqueOrThrow({ where: { key } })).occurrences).toBe(4);
  });

  it("a proposed quarantine is applied once aggressive mode is turned on, at the pattern's next failure", async () => {
    await updateSetting(db, "aggressiveMode", "false", "test");
    const history = Array.from({ length: 30 }, (_, k) => ev("q", k % 2 === 0, NOW - (40 - k) * HOUR)); // fails half its runs
    expect((await ingestEvents(db, history)).ok).toBe(true);
    await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(NOW) });
    expect(await db.prisma.antiPattern.findUniqueOrThrow({ where: { key: "pattern:q" } })).toMatchObject({ status: "proposed", classification: "flaky" });
    await updateSetting(db, "aggressiveMode", "true", "test");
    expect((await ingestEvents(db, [ev("q", false, NOW + HOUR)])).ok).toBe(true);
    await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(NOW + 2 * HOUR) });
    expect((await db.prisma.antiPattern.findUniqueOrThrow({ where: { key: "pattern:q" } })).status).toBe("quarantined");
    const pattern = await db.prisma.pattern.findUniqueOrThrow({ where: { id: "q" } });
    expect(pattern).toMatchObject({ status: "quarantined", quarantinedAt: new Date(NOW + 2 * HOUR) });
    expect(pattern.quarantineReason).toMatch(/of \d+ considered runs failed/);
  });

  it("a pattern whose latest 64 runs all failed is judged on its whole window (broken, not flaky)", async () => {
    const runs = [ev("b", true, NOW - 80 * HOUR), ...Array.from({ length: 69 }, (_, k) => ev("b", false, NOW - (69 - k) * HOUR))];
    expect((await ingestEvents(db, runs)).ok).toBe(true);
    await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(NOW) });
    const entry = await db.prisma.antiPattern.findUniqueOrThrow({ where: { key: "pattern:b" } });
    expect(entry).toMatchObject({ status: "quarantined", classification: "broken" });
    // the evidence a person reads: the ids of the latest failed runs as they were sent, newest first
    expect((JSON.parse(entry.evidence) as { failedRunIds: string[] }).failedRunIds).toEqual(runs.slice(-10).reverse().map((r) => r.id));
  });

  it("an incremental run quarantines what one run over all the runs would, the patterns it does not read included", async () => {
    const DAY = 24 * HOUR;
    const cut = NOW - 2 * DAY;
    // old runs every 6 hours up to the cut, recent ones every 2 hours up to an hour before NOW
    const series = (id: string, old: string, recent: string, source = "ci") => [
      ...[...old].map((o, k) => ({ ...ev(id, o === "S", cut - (old.length - k) * 6 * HOUR), source })),
      ...[...recent].map((o, k) => ({ ...ev(id, o === "S", NOW - HOUR - (recent.length - 1 - k) * 2 * HOUR), source })),
    ];
    const healthy = "S".repeat(40) + "F" + "S".repeat(59);
    // four patterns of one source fail together 5 hours ago: an outage, which nobody's record carries;
    // the fifth fails 5 times in it, a streak that is not its own
    const outageAt = NOW - 5 * HOUR;
    const down = (id: string, failures: number) => [
      ...series(id, healthy, "SSSSSS", "down"),
      ...Array.from({ length: failures }, (_, k) => ({ ...ev(id, false, outageAt + k * 60_000), source: "down" })),
    ];
    const all = [
      ...["h1", "h2", "h3", "h4"].flatMap((id) => series(id, healthy, "SSSSSSSS")),
      ...series("broken-late", "S".repeat(80), "SSSFFFFFF"), // 6 in a row among the new runs
      ...series("flaky-late", "S".repeat(10), "SFF".repeat(7)), // 14 of 31 failed, interleaved
      ...series("sparse", "SSS", "FFFF"), // 7 runs: not enough to judge
      ...["d1", "d2", "d3"].flatMap((id) => down(id, 1)),
      ...down("d4", 5),
    ];
    const old = all.filter((e) => Date.parse(e.startedAt) < cut);
    const recent = all.filter((e) => Date.parse(e.startedAt) >= cut);
    const quarantined = async (target: TestDb) =>
      (await target.prisma.antiPattern.findMany({ where: { kind: "failing_pattern", status: "quarantined" }, orderBy: { key: "asc" } })).map((a) => [a.patternId, a.classification]);

    expect((await ingestEvents(db, old)).ok).toBe(true);
    await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(cut) });
    expect(await quarantined(db)).toEqual([]);
    expect((await ingestEvents(db, recent)).ok).toBe(true);
    await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(NOW) });

    const once = await createTestDb();
    try {
      expect((await ingestEvents(once, all)).ok).toBe(true);
      await runAnalysis(once, { steps: ANALYSIS_STEPS, now: new Date(NOW) });
      expect(await once.prisma.outageCell.count()).toBeGreaterThan(0);
      expect(await quarantined(once)).toEqual([["broken-late", "broken"], ["flaky-late", "flaky"]]);
      expect(await quarantined(db)).toEqual(await quarantined(once));
    } finally {
      await once.destroy();
    }
  });

  it("a pattern's runs deleted by retention do not hide its quarantine: their days are not trusted to hold them", async () => {
    const DAY = 24 * HOUR;
    // 40 successes 10–16 days ago, then 4 days of "SFF": 8 of 50 failed, healthy
    const old = Array.from({ length: 40 }, (_, k) => ev("r", true, NOW - 16 * DAY + k * 4 * HOUR));
    const recent = [..."SFF".repeat(4)].map((o, k) => ev("r", o === "S", NOW - 4 * DAY + k * 7 * HOUR));
    expect((await ingestEvents(db, [...old, ...recent])).ok).toBe(true);
    await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(NOW) });
    expect(await db.prisma.antiPattern.findUnique({ where: { key: "pattern:r" } })).toBeNull();
    // a week's retention deletes the 40 successes (the daily metrics keep counting them); one more failure
    await updateSetting(db, "retentionDays", "7", "test");
    expect((await runCleanup(db, { now: new Date(NOW) })).executionsDeleted).toBe(40);
    expect((await ingestEvents(db, [ev("r", false, NOW + HOUR)])).ok).toBe(true);
    await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(NOW + 2 * HOUR) });
    // 9 of the 13 runs left failed: flaky
    expect(await db.prisma.antiPattern.findUniqueOrThrow({ where: { key: "pattern:r" } })).toMatchObject({ status: "quarantined", classification: "flaky" });
  });
});
