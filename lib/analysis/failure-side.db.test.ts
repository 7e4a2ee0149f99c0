// The failure side end to end: simulated telemetry with planted truth → the real ingest path → analysis
// runs (in several increments, as in production) → what the database says, scored against the truth.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { liftQuarantine } from "../mutations/lift-quarantine";
import { getHealFixes } from "../queries/heal/get-heal-fixes";
import { ERROR_KINDS, simulateFailureScenarios } from "../simulate/failure-scenarios";
import { createRandom } from "../simulate/random";
import { updateSetting } from "../mutations/update-setting";
import { ingestEvents } from "../telemetry/ingest";
import { runAnalysis } from "./run";
import { ANALYSIS_STEPS } from "./steps";

const dialect = testDialect();
const NOW = Date.parse("2026-11-25T12:00:00Z");

function score(found: Set<string>, positives: string[], negatives: string[]) {
  const tp = positives.filter((p) => found.has(p)).length;
  const fp = negatives.filter((n) => found.has(n)).length;
  return { precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: positives.length === 0 ? 1 : tp / positives.length, tp, fp };
}

describe(`failure side through the analysis run on ${dialect}`, () => {
  let db: TestDb;
  const { events, truth } = simulateFailureScenarios({ seed: 11, now: NOW });

  beforeAll(async () => {
    db = await createTestDb();
    // Telemetry arrives week by week with an analysis at the end of each, as in a live system.
    const sorted = [...events].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
    const WEEK = 7 * 86_400_000;
    let from = 0;
    for (let end = Date.parse(sorted[0]!.startedAt) + WEEK; from < sorted.length; end += WEEK) {
      let to = from;
      while (to < sorted.length && Date.parse(sorted[to]!.startedAt) < end) to++;
      const out = await ingestEvents(db, sorted.slice(from, to), { maxEvents: Number.POSITIVE_INFINITY, now: Math.min(end, NOW) });
      expect(out.ok).toBe(true);
      await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(Math.min(end, NOW)) });
      from = to;
    }
  }, 180_000);
  afterAll(async () => db?.destroy());

  it("creates self-healing patterns for the fixes that work, and auto-applies the reliable ones", async () => {
    const rows = await db.prisma.errorPattern.findMany();
    const key = (k: string, f: string) => `${k}|${f}`;
    const selfHeal = new Set(rows.filter((r) => r.patternId).map((r) => key(r.signatureKey, r.fix)));
    const heal = score(selfHeal, truth.selfHealFixes.map((f) => key(f.errorKey, f.fix)), truth.notSelfHealFixes.map((f) => key(f.errorKey, f.fix)));
    const auto = new Set(rows.filter((r) => r.autoApply).map((r) => key(r.signatureKey, r.fix)));
    const autoScore = score(auto, truth.autoApplyFixes.map((f) => key(f.errorKey, f.fix)), truth.notAutoApplyFixes.map((f) => key(f.errorKey, f.fix)));
    console.log(`[${dialect}] self-heal P=${heal.precision.toFixed(3)} R=${heal.recall.toFixed(3)}; auto-apply P=${autoScore.precision.toFixed(3)} R=${autoScore.recall.toFixed(3)}`);
    expect(heal.precision).toBeGreaterThanOrEqual(0.95);
    expect(heal.recall).toBeGreaterThanOrEqual(0.9);
    expect(autoScore.precision).toBeGreaterThanOrEqual(0.95);
    const selfHealPatterns = await db.prisma.pattern.count({ where: { kind: "self_heal", status: "active" } });
    expect(selfHealPatterns).toBe(selfHeal.size);
  });

  it("quarantines the failing patterns and not the healthy ones, outages included", async () => {
    const quarantined = new Set((await db.prisma.pattern.findMany({ where: { status: "quarantined" } })).map((p) => p.id));
    const q = score(quarantined, truth.quarantined, truth.notQuarantined);
    console.log(`[${dialect}] quarantine P=${q.precision.toFixed(3)} R=${q.recall.toFixed(3)} (${q.tp} true, ${q.fp} false)`);
    expect(q.precision).toBeGreaterThanOrEqual(0.95);
    expect(q.recall).toBeGreaterThanOrEqual(0.9);
    const entries = await db.prisma.antiPattern.findMany({ where: { kind: "failing_pattern", status: "quarantined" } });
    for (const e of entries) if (truth.broken.includes(e.patternId!)) expect(e.classification).toBe("broken");
  });

  it("flags the degrading patterns", async () => {
    const flagged = new Set((await db.prisma.pattern.findMany({ where: { degrading: true } })).map((p) => p.id));
    const d = score(flagged, truth.degrading, truth.notDegrading);
    console.log(`[${dialect}] degradation P=${d.precision.toFixed(3)} R=${d.recall.toFixed(3)}`);
    expect(d.precision).toBeGreaterThanOrEqual(0.95);
    expect(d.recall).toBeGreaterThanOrEqual(0.9);
    // since when (the day the failure rate changed, near the planted one), the runs before and since, and nothing for the others
    const all = await db.prisma.pattern.findMany({ select: { id: true, degrading: true, degradingSince: true, degradingBaseline: true } });
    for (const p of all) {
      expect(p.degradingSince !== null).toBe(p.degrading);
      if (!p.degrading) continue;
      expect(JSON.parse(p.degradingBaseline!)).toMatchObject({ before: { runs: expect.any(Number), failures: expect.any(Number) }, after: { runs: expect.any(Number), failures: expect.any(Number) } });
      const planted = truth.patterns.find((t) => t.id === p.id)!;
      if (planted.kind === "degrading") expect(Math.abs(p.degradingSince!.getTime() - planted.changeAt!) / 86_400_000).toBeLessThanOrEqual(3);
    }
  });

  it("lists recurring errors in the registry and not the one-offs", async () => {
    const keys = new Set((await db.prisma.antiPattern.findMany({ where: { kind: "recurring_error" } })).map((a) => a.signatureKey!));
    for (const k of truth.recurringErrorKeys) expect(keys.has(k)).toBe(true);
    for (const k of truth.oneOffErrorKeys) expect(keys.has(k)).toBe(false);
  });

  it("answers heal queries with the best fix first", async () => {
    const best = truth.autoApplyFixes[0]!;
    const planted = truth.fixes.find((f) => f.errorKey === best.errorKey)!;
    const message = ERROR_KINDS[planted.kind]!.make(createRandom(99)); // a message never seen, same kind
    const fixes = await getHealFixes(db, message);
    expect(fixes[0]).toMatchObject({ fix: best.fix, autoApply: true });
  });

  it("a lifted quarantine is not re-applied on the same old failures, and the lift is recorded", async () => {
    const target = (await db.prisma.pattern.findFirstOrThrow({ where: { status: "quarantined" } })).id;
    await liftQuarantine(db, target, { actor: "ana@example.com", reason: "runner image fixed" });
    expect((await db.prisma.pattern.findUniqueOrThrow({ where: { id: target } })).status).toBe("active");
    // New telemetry for other patterns triggers a run that re-assesses; the old failures must not count.
    await ingestEvents(db, [{ id: "after-lift-1", patternId: target, operation: "op", startedAt: new Date(NOW + 60_000).toISOString(), durationMs: 5, success: true }], { now: NOW });
    await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(NOW + 120_000) });
    expect((await db.prisma.pattern.findUniqueOrThrow({ where: { id: target } })).status).toBe("active");
    const lift = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "quarantine.lift", targetId: `ap_${target}` } });
    expect(lift).toMatchObject({ actor: "ana@example.com", reason: "runner image fixed" });
    await expect(liftQuarantine(db, target, { actor: "x", reason: "again" })).rejects.toThrow("not quarantined");
  });

  it("a second analysis over the same data changes nothing", async () => {
    const before = await db.prisma.auditEvent.count();
    const summary = await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(NOW + 180_000) });
    expect(summary.newExecutions).toBe(0);
    expect(await db.prisma.auditEvent.count()).toBe(before);
  });
});

describe(`quarantine without aggressive mode on ${dialect}`, () => {
  it("only proposes, and a setting that does not fit is refused and writes nothing", async () => {
    const db = await createTestDb();
    try {
      await updateSetting(db, "aggressiveMode", "off", "admin@example.com");
      await expect(updateSetting(db, "autoQuarantineFailureRate", "1.5", "admin@example.com")).rejects.toThrow("autoQuarantineFailureRate");
      expect(await db.prisma.setting.count({ where: { key: "autoQuarantineFailureRate" } })).toBe(0);
      const { events } = simulateFailureScenarios({ seed: 11, now: NOW });
      await ingestEvents(db, events, { maxEvents: Number.POSITIVE_INFINITY, now: NOW });
      await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(NOW) });
      expect(await db.prisma.pattern.count({ where: { status: "quarantined" } })).toBe(0);
      expect(await db.prisma.antiPattern.count({ where: { kind: "failing_pattern", status: "proposed" } })).toBeGreaterThan(0);
      expect(await db.prisma.auditEvent.count({ where: { action: "setting.update", actor: "admin@example.com" } })).toBe(1);
    } finally {
      await db.destroy();
    }
  }, 120_000);
});
