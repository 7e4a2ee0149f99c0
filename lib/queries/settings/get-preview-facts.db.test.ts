// The settings preview over a real database: what it reads (bounded to 30 days and 64 runs a pattern) and
// what it lists for a change, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../../db/test-db";
import { previewSettingsChange } from "../../detectors/settings-preview";
import { DEFAULT_SETTINGS } from "../../detectors/types";
import { ingestEvents } from "../../telemetry/ingest";
import { getPreviewFacts } from "./get-preview-facts";

const NOW = Date.parse("2026-11-25T12:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let n = 0;
const run = (patternId: string, success: boolean, at: number) => ({
  id: `r${n++}`, patternId, operation: "op", startedAt: new Date(at).toISOString(), durationMs: 5, success, source: "ci",
  ...(success ? {} : { error: { message: `step ${n} failed` } }),
});
/** `count` runs an hour apart ending an hour before NOW; every k-th one fails. */
const series = (patternId: string, count: number, failEvery: number, end = NOW - HOUR) =>
  Array.from({ length: count }, (_, i) => run(patternId, i % failEvery !== 0, end - (count - 1 - i) * HOUR));

describe(`settings preview on ${testDialect()}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
    const events = [
      ...series("flaky-ish", 30, 3), // a third fail: under 0.4, over 0.3
      ...series("held", 30, 2), // half fail, and quarantined by hand below
      ...series("busy", 100, 10),
      ...series("long-ago", 20, 1, NOW - 40 * DAY), // all failed, but before the 30-day window
    ];
    expect((await ingestEvents(db, events)).ok).toBe(true);
    await db.prisma.pattern.update({ where: { id: "held" }, data: { status: "quarantined", quarantinedAt: new Date(NOW - DAY) } });
    const now = new Date(NOW);
    const candidate = (id: string, kind: string, status: string, confidence: number, evidenceCount: number) => ({
      id, kind, groupKey: id, name: id, confidence, status, evidenceCount, createdAt: now, updatedAt: now,
    });
    await db.prisma.patternCandidate.createMany({
      data: [
        candidate("cand-0.70", "execution", "pending", 0.7, 4),
        candidate("tmpl-0.70", "file_template", "pending", 0.7, 3),
        candidate("cand-0.80", "execution", "auto_approved", 0.8, 6),
        candidate("cand-rejected", "execution", "rejected", 0.7, 4),
      ],
    });
    await db.prisma.errorPattern.create({
      data: { id: "fix-1", signatureKey: "k1", signature: "disk full on <*>", fix: "clean-tmp", attempts: 4, successes: 4, lastSeenAt: now, createdAt: now, updatedAt: now },
    });
  });
  afterAll(async () => db?.destroy());

  it("reads each pattern's latest 64 runs of the last 30 days, with the window's totals, and nothing older", async () => {
    const facts = await getPreviewFacts(db, new Date(NOW));
    expect(facts.patterns.map((p) => p.patternId)).toEqual(["busy", "flaky-ish", "held"]);
    const busy = facts.patterns.find((p) => p.patternId === "busy")!;
    expect(busy.runs).toHaveLength(64);
    expect(busy.window).toEqual({ runs: 100, failures: 10 });
    expect(Math.min(...busy.runs.map((r) => r.startedAt))).toBe(NOW - 64 * HOUR);
    expect(facts.patterns.find((p) => p.patternId === "flaky-ish")).toMatchObject({ window: undefined, status: "active" });
    expect(facts.patterns.find((p) => p.patternId === "held")?.status).toBe("quarantined");
    expect(facts.candidates.map((c) => c.id).sort()).toEqual(["cand-0.70", "cand-0.80", "tmpl-0.70"]);
    expect(facts.fixes.map((f) => f.id)).toEqual(["fix-1"]);
  });

  it("lists what a lower quarantine line would quarantine, and a higher one release", async () => {
    const facts = await getPreviewFacts(db, new Date(NOW));
    expect(previewSettingsChange(facts, DEFAULT_SETTINGS, DEFAULT_SETTINGS)).toEqual([]);
    const lower = previewSettingsChange(facts, DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, autoQuarantineFailureRate: 0.3 });
    expect(lower.map((c) => [c.kind, c.target.id])).toEqual([["quarantined", "flaky-ish"]]);
    const gentle = previewSettingsChange(facts, DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, autoQuarantineFailureRate: 0.3, aggressiveMode: false });
    expect(gentle.filter((c) => c.target.type === "pattern").map((c) => [c.kind, c.target.id])).toEqual([["proposed-quarantine", "flaky-ish"]]);
    const higher = previewSettingsChange(facts, DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, autoQuarantineFailureRate: 0.6 });
    expect(higher.map((c) => [c.kind, c.target.id])).toEqual([["released", "held"]]);
  });

  it("lists candidates a threshold would auto-approve or no longer, and fixes it would demote", async () => {
    const facts = await getPreviewFacts(db, new Date(NOW));
    const lower = previewSettingsChange(facts, DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, autoApproveConfidence: 0.65 });
    // file templates are never auto-approved; a rejected candidate stays rejected
    expect(lower.map((c) => [c.kind, c.target.id])).toEqual([["auto-approved", "cand-0.70"]]);
    const higher = previewSettingsChange(facts, DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, autoApproveConfidence: 0.9, minSimilarExecutions: 5 });
    expect(higher.map((c) => [c.kind, c.target.id])).toEqual([["not-auto-approved", "cand-0.80"], ["not-proposed", "cand-0.70"]]);
    const fixes = previewSettingsChange(facts, DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, minSuccessfulFixes: 5 });
    expect(fixes.map((c) => [c.kind, c.target.id])).toEqual([["not-self-heal", "fix-1"]]);
  });
});
