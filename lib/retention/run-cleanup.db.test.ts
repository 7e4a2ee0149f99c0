// Retention and archiving on a real database: executions past retention are folded and deleted with
// their files and ad-hoc shapes, what the pages and stored reports show stays byte for byte the same,
// nothing is counted twice or lost, unread rows stay, and unused patterns are archived and restorable.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EXECUTIONS_CURSOR } from "../analysis/run";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { getDailyTotals } from "../queries/overview/get-daily-totals";
import { getTopPatterns } from "../queries/overview/get-top-patterns";
import { getPatterns } from "../queries/patterns/get-patterns";
import { ingestEvents } from "../telemetry/ingest";
import { runCleanup } from "./run-cleanup";
import { UnarchiveError, unarchivePattern } from "../mutations/unarchive-pattern";

const dialect = testDialect();
const DAY = 86_400_000;
const NOW = new Date("2026-11-30T12:00:00Z");
const RETENTION = 14;
const CUTOFF = Date.parse("2026-11-16T00:00:00Z"); // NOW's UTC midnight − 14 days

/** Runs on days 1…40 before NOW: a busy pattern every day, one used only long ago, ad-hoc work with files. */
function history() {
  const events: Array<Record<string, unknown>> = [];
  for (let d = 1; d <= 40; d++) {
    const day = NOW.getTime() - d * DAY;
    for (let k = 0; k < 3; k++) {
      events.push({ id: `busy-${d}-${k}`, patternId: "p-busy", operation: "deploy", startedAt: new Date(day + k * 3_600_000).toISOString(), durationMs: 1000 + d * 10 + k, success: (d + k) % 4 !== 0, ...((d + k) % 4 === 0 ? { error: { message: `timeout after ${d}s` } } : {}), source: "ci" });
    }
    if (d > 20) events.push({ id: `old-${d}`, patternId: "p-old", operation: "migrate", startedAt: new Date(day + 600_000).toISOString(), durationMs: 500, success: true });
    if (d > 20) events.push({ id: `q-${d}`, patternId: "p-quarantined", operation: "flaky", startedAt: new Date(day + 900_000).toISOString(), durationMs: 50, success: false });
    events.push({
      id: `adhoc-${d}`, operation: `report_${d}`, inputs: { team: `t${d % 3}` }, startedAt: new Date(day + 7_200_000).toISOString(), durationMs: 20_000, success: true,
      files: [{ path: `reports/t${d}/summary.md`, action: "created", content: `# ${d}\n` }],
    });
  }
  return events;
}

/** What the analysis would have written: the ad-hoc runs' shapes, and its cursor past every run. */
async function analysed(db: TestDb) {
  const known = (await db.prisma.adHocShape.findMany({ select: { seq: true } })).map((s) => s.seq);
  const adhoc = await db.prisma.execution.findMany({ where: { patternId: null, seq: { notIn: known } }, select: { seq: true, startedAt: true } });
  await db.prisma.adHocShape.createMany({ data: adhoc.map((r) => ({ seq: r.seq, family: "fam", keySet: "team", startedAt: r.startedAt })) });
  const max = (await db.prisma.execution.aggregate({ _max: { seq: true } }))._max.seq ?? 0;
  await db.prisma.cursor.upsert({ where: { name: EXECUTIONS_CURSOR }, create: { name: EXECUTIONS_CURSOR, position: max }, update: { position: max } });
}

/**
 * What the pages show and the stored rows that must not move: the overview's day totals and busiest
 * patterns, the pattern list, the daily metrics and the reports; serialised, compared as text.
 */
async function snapshot(db: TestDb) {
  const executionsTotal = await db.prisma.execution.count();
  const range = { from: "2026-09-30", to: "2026-11-30" }; // the 62 days up to NOW: before and past the cut-off
  const overview = { days: await getDailyTotals(db, range), topPatterns: await getTopPatterns(db, range) };
  const metrics = await db.prisma.patternMetricDaily.findMany({ orderBy: [{ day: "asc" }, { patternId: "asc" }, { operation: "asc" }] });
  const reports = await db.prisma.weeklyReport.findMany({ orderBy: { id: "asc" } });
  const data = { overview, patterns: await getPatterns(db), metrics, reports };
  return { executionsTotal, data, text: JSON.stringify(data) };
}

/** The snapshot as it reads once the named patterns are archived: their status (and when) is all that may change. */
function withArchived(snap: Awaited<ReturnType<typeof snapshot>>, ids: string[]): string {
  const copy = structuredClone(snap.data);
  for (const t of copy.overview.topPatterns) if (ids.includes(t.patternId)) t.status = "archived";
  for (const p of copy.patterns) if (ids.includes(p.id)) Object.assign(p, { status: "archived", archivedAt: NOW.toISOString() });
  return JSON.stringify(copy);
}

describe(`cleanup on ${dialect}`, () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb();
    const ingested = await ingestEvents(db, history(), { now: NOW.getTime() - 3_600_000 });
    expect(ingested).toMatchObject({ ok: true, accepted: 40 * 3 + 20 + 20 + 40 });
    await db.prisma.pattern.update({ where: { id: "p-quarantined" }, data: { status: "quarantined" } });
    await db.prisma.pattern.updateMany({ data: { createdAt: new Date(NOW.getTime() - 60 * DAY) } });
    await db.prisma.setting.create({ data: { key: "retentionDays", value: String(RETENTION) } });
    // a stored weekly report over weeks cleanup deletes (reports are written elsewhere: a row as stored)
    await db.prisma.weeklyReport.create({
      data: { id: "wr_2026-W44", week: "2026-W44", source: "", markdown: "# Week 2026-W44\n\n| executions | 30 |\n", data: JSON.stringify({ week: "2026-W44", executions: 30 }), generatedAt: new Date("2026-11-02T00:30:00Z") },
    });
    await analysed(db);
  });
  afterEach(async () => db?.destroy());

  it("folds and deletes executions past retention with their files and shapes; charts and stored reports stay byte for byte", async () => {
    const before = await snapshot(db);
    const old = { startedAt: { lt: new Date(CUTOFF) } };
    const oldRuns = await db.prisma.execution.count({ where: old });
    const oldFiles = await db.prisma.fileEvent.count({ where: { createdAt: { lt: new Date(CUTOFF) } } });
    const keptRuns = await db.prisma.execution.count({ where: { startedAt: { gte: new Date(CUTOFF) } } });
    expect(oldRuns).toBeGreaterThan(100);

    const summary = await runCleanup(db, { now: NOW, actor: "test" });

    expect(summary).toMatchObject({
      retentionDays: RETENTION, cutoff: "2026-11-16T00:00:00.000Z", executionsDeleted: oldRuns, fileEventsDeleted: oldFiles,
      adhocShapesDeleted: oldFiles, daysFolded: 40 - 14, metricRowsRepaired: 0, keptUnanalysed: 0,
    });
    expect(await db.prisma.execution.count({ where: old })).toBe(0);
    expect(await db.prisma.execution.count()).toBe(keptRuns);
    expect(await db.prisma.fileEvent.count({ where: { createdAt: { lt: new Date(CUTOFF) } } })).toBe(0);
    expect(await db.prisma.fileEvent.count()).toBe(14);
    expect(await db.prisma.adHocShape.count({ where: old })).toBe(0);
    expect(await db.prisma.adHocShape.count()).toBe(14);

    // every number is the same; only p-old, unused for the whole period, now reads as archived
    expect(summary.archived).toEqual([{ id: "p-old", name: "p-old" }]);
    const after = await snapshot(db);
    expect(after.text).toBe(withArchived(before, ["p-old"]));
    expect(after.executionsTotal).toBe(before.executionsTotal - oldRuns); // "stored in all" counts rows, and they are gone

    const again = await runCleanup(db, { now: NOW, actor: "test" });
    expect(again).toMatchObject({ executionsDeleted: 0, daysFolded: 0, patternsArchived: 0 });
    expect((await snapshot(db)).text).toBe(after.text);
  });

  it("folds runs written around ingest before deleting them, and never counts a folded run twice", async () => {
    const day = "2026-11-01";
    const metricsOf = () => db.prisma.patternMetricDaily.findMany({ where: { day }, orderBy: [{ patternId: "asc" }, { operation: "asc" }] });
    const before = await metricsOf();
    const busy = before.find((m) => m.patternId === "p-busy")!;
    // one more p-busy run and one run of an operation with no metric row at all, stored without a fold
    const at = new Date(`${day}T20:00:00Z`);
    for (const [id, patternId, operation] of [["direct-1", "p-busy", "deploy"], ["direct-2", null, "hand_written"]] as const) {
      await db.prisma.execution.create({ data: { id, patternId, operation, startedAt: at, durationMs: 7, success: true, receivedAt: at } });
    }
    await analysed(db);

    const summary = await runCleanup(db, { now: NOW, actor: "test" });

    expect(summary.metricRowsRepaired).toBe(2);
    const after = await metricsOf();
    expect(after.find((m) => m.patternId === "p-busy")).toEqual({ ...busy, executions: busy.executions + 1, successes: busy.successes + 1, totalDurationMs: busy.totalDurationMs + 7 });
    expect(after.find((m) => m.operation === "hand_written")).toMatchObject({ patternId: "", executions: 1, successes: 1, failures: 0, totalDurationMs: 7 });
    expect(after.filter((m) => m.operation !== "hand_written").map((m) => m.executions)).toEqual(before.map((m) => (m.patternId === "p-busy" ? m.executions + 1 : m.executions)));
  });

  it("keeps old executions the analysis has not read yet", async () => {
    const late = [1, 2, 3].map((i) => ({ id: `late-${i}`, patternId: "p-busy", operation: "deploy", startedAt: `2026-10-0${i}T10:00:00Z`, durationMs: 5, success: true }));
    await ingestEvents(db, late, { now: NOW.getTime() });
    const summary = await runCleanup(db, { now: NOW, actor: "test" });
    expect(summary.keptUnanalysed).toBe(3);
    expect((await db.prisma.execution.findMany({ where: { startedAt: { lt: new Date(CUTOFF) } }, select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id)).toEqual(["late-1", "late-2", "late-3"]);
    await analysed(db);
    expect(await runCleanup(db, { now: NOW, actor: "test" })).toMatchObject({ executionsDeleted: 3, keptUnanalysed: 0, metricRowsRepaired: 0 });
  });

  it("archives active patterns unused for the retention period, audited, and a restore holds until the next period", async () => {
    await db.prisma.pattern.createMany({
      data: [
        { id: "p-new", name: "new, never run", createdAt: new Date(NOW.getTime() - 2 * DAY), updatedAt: NOW },
        { id: "heal-1", name: "Self-heal: retry", kind: "self_heal", createdAt: new Date(NOW.getTime() - 60 * DAY), updatedAt: NOW },
        { id: "heal-2", name: "Self-heal: old", kind: "self_heal", createdAt: new Date(NOW.getTime() - 60 * DAY), updatedAt: NOW },
      ],
    });
    await db.prisma.errorPattern.createMany({
      data: [
        { id: "ep1", signatureKey: "k1", signature: "s1", fix: "retry", patternId: "heal-1", lastSeenAt: new Date(NOW.getTime() - 3 * DAY), updatedAt: NOW },
        { id: "ep2", signatureKey: "k2", signature: "s2", fix: "old", patternId: "heal-2", lastSeenAt: new Date(NOW.getTime() - 30 * DAY), updatedAt: NOW },
      ],
    });

    const summary = await runCleanup(db, { now: NOW, actor: "cleanup-test" });

    expect(summary.archived).toEqual([{ id: "heal-2", name: "Self-heal: old" }, { id: "p-old", name: "p-old" }]);
    const status = Object.fromEntries((await db.prisma.pattern.findMany({ select: { id: true, status: true } })).map((p) => [p.id, p.status]));
    expect(status).toEqual({ "p-busy": "active", "p-old": "archived", "p-quarantined": "quarantined", "p-new": "active", "heal-1": "active", "heal-2": "archived" });
    expect((await db.prisma.pattern.findUniqueOrThrow({ where: { id: "p-old" } })).archivedAt).toEqual(NOW);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "pattern.archive", targetId: "p-old" } });
    expect(audit).toMatchObject({ actor: "cleanup-test", targetType: "pattern", reason: "unused for 14 days (no run since 2026-11-16)" });
    expect((await getPatterns(db, { status: "archived" })).map((p) => [p.id, p.uses])).toEqual([["heal-2", 0], ["p-old", 20]]);

    await unarchivePattern(db, { patternId: "p-old", reason: "the spring migration needs it" }, "ana", NOW);
    expect(await db.prisma.pattern.findUniqueOrThrow({ where: { id: "p-old" } })).toMatchObject({ status: "active", archivedAt: null });
    expect(await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "pattern.unarchive" } })).toMatchObject({ actor: "ana", targetId: "p-old", reason: "the spring migration needs it" });
    await expect(unarchivePattern(db, { patternId: "p-old", reason: "again" }, "ana")).rejects.toThrow(new UnarchiveError('pattern "p-old" is active, not archived (already restored?)'));
    await expect(unarchivePattern(db, { patternId: "nope", reason: "again" }, "ana")).rejects.toThrow('no pattern "nope"');
    await expect(unarchivePattern(db, { patternId: "heal-2", reason: "" }, "ana")).rejects.toThrow("reason: give a reason");
    expect(await db.prisma.pattern.findUniqueOrThrow({ where: { id: "heal-2" } })).toMatchObject({ status: "archived" });
    expect(await db.prisma.auditEvent.count({ where: { action: "pattern.unarchive" } })).toBe(1);

    // the restore counts as a use: the next cleanup leaves it; a whole period later it goes again
    expect((await runCleanup(db, { now: new Date(NOW.getTime() + DAY), actor: "system" })).archived).toEqual([]);
    expect((await runCleanup(db, { now: new Date(NOW.getTime() + 16 * DAY), actor: "system" })).archived.map((p) => p.id)).toContain("p-old");
  });
});
