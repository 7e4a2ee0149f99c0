// AUTO-001 end to end: planted ad-hoc repetitions → ingest → analysis → candidates a reviewer decides on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveCandidate, patternFromCandidate, rejectCandidate } from "../mutations/decide-candidate";
import { revertAutoApproval } from "../mutations/revert-auto-approval";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { operationShape } from "../detectors/execution-patterns";
import { specFromYaml } from "../schemas/pattern-spec";
import { updateSetting } from "../mutations/update-setting";
import { simulateAdHoc } from "../simulate/adhoc-scenarios";
import { ingestEvents } from "../telemetry/ingest";
import { EXECUTIONS_CURSOR, runAnalysis } from "./run";
import { ANALYSIS_STEPS } from "./steps";
import { executionPatternsStep } from "./steps/execution-patterns";
import { getSettings } from "../schemas/settings";

const dialect = testDialect();
const NOW = Date.parse("2026-11-25T12:00:00Z");

describe(`AUTO-001 through the analysis run on ${dialect}`, () => {
  let db: TestDb;
  const { events, truth } = simulateAdHoc({ seed: 3, now: NOW });
  const analyse = (at = NOW) => runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(at) });

  beforeAll(async () => {
    db = await createTestDb();
    await updateSetting(db, "aggressiveMode", "false", "test");
    await ingestEvents(db, events, { maxEvents: Number.POSITIVE_INFINITY, now: NOW });
    await analyse();
  });
  afterAll(async () => db?.destroy());

  it("proposes one candidate per planted group, with its evidence, and none for near-misses", async () => {
    const candidates = await db.prisma.patternCandidate.findMany({ where: { kind: "execution" } });
    const planted = truth.groups.map((g) => [...g.ids].sort().join(","));
    const matched = candidates.filter((c) => planted.includes((JSON.parse(c.evidence) as string[]).sort().join(",")));
    expect(matched.length / candidates.length).toBeGreaterThanOrEqual(0.95);
    expect(matched.length / planted.length).toBeGreaterThanOrEqual(0.9);
    expect(candidates.every((c) => c.status === "pending")).toBe(true);
    const nearMiss = new Set(truth.nearMisses.flatMap((m) => m.ids));
    expect(candidates.filter((c) => (JSON.parse(c.evidence) as string[]).some((id) => nearMiss.has(id)))).toEqual([]);
    const parts = JSON.parse(candidates[0]!.confidenceParts) as Record<string, number>;
    expect(Object.keys(parts).sort()).toEqual(["count", "recency", "similarity", "success"]);
  });

  it("approving makes an active pattern from the spec; a second decision is already handled", async () => {
    const c = await db.prisma.patternCandidate.findFirstOrThrow({ where: { status: "pending" }, orderBy: { confidence: "desc" } });
    const patternId = await approveCandidate(db, c.id, { actor: "rev@example.com", reason: "useful" });
    const p = await db.prisma.pattern.findUniqueOrThrow({ where: { id: patternId } });
    expect(p).toMatchObject({ status: "active", origin: "candidate", kind: "execution" });
    await expect(approveCandidate(db, c.id, { actor: "x", reason: "again" })).rejects.toThrow("already handled");
  });

  it("a rejected group is not proposed again until it has grown materially", async () => {
    const c = await db.prisma.patternCandidate.findFirstOrThrow({ where: { status: "pending" } });
    await rejectCandidate(db, c.id, { actor: "rev@example.com", reason: "one-time migration" });
    const spec = specFromYaml(c.proposedSpec!);
    const member = events.find((e) => e.id === (JSON.parse(c.evidence) as string[])[0])!;
    const more = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => ({ ...member, id: `more-${c.id}-${from + i}`, startedAt: new Date(NOW + (from + i + 1) * 60_000).toISOString() }));
    await ingestEvents(db, more(1, 0), { now: NOW });
    await analyse(NOW + 3_600_000);
    expect((await db.prisma.patternCandidate.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("rejected");
    await ingestEvents(db, more(c.evidenceCount + 3, 1), { now: NOW });
    await analyse(NOW + 7_200_000);
    const back = await db.prisma.patternCandidate.findUniqueOrThrow({ where: { id: c.id } });
    expect(back.status).toBe("pending");
    expect(back.evidenceCount).toBeGreaterThanOrEqual(2 * c.evidenceCount);
    expect([member.operation, operationShape(member.operation)]).toContain(spec.operation); // one name, or the shape of names with ids
    expect(await db.prisma.auditEvent.count({ where: { action: "candidate.reopen", targetId: c.id } })).toBe(1);
  });

  it("a reviewer's decision made while a run is under way stands: the run's refresh does not reset it to pending", async () => {
    const c = await db.prisma.patternCandidate.findFirstOrThrow({ where: { status: "pending", kind: "execution" }, orderBy: { confidence: "asc" } });
    const member = events.find((e) => e.id === (JSON.parse(c.evidence) as string[])[0])!;
    await ingestEvents(db, [0, 1, 2].map((i) => ({ ...member, id: `during-${c.id}-${i}`, startedAt: new Date(NOW + (i + 1) * 90_000).toISOString() })), { now: NOW });
    // the run reads (the candidate is pending then) ...
    const fromSeq = (await db.prisma.cursor.findUnique({ where: { name: EXECUTIONS_CURSOR } }))?.position ?? 0;
    const toSeq = (await db.prisma.execution.aggregate({ _max: { seq: true } }))._max.seq ?? fromSeq;
    const outcome = await executionPatternsStep.run({ db, now: new Date(NOW + 600_000), fromSeq, toSeq, settings: await getSettings(db), runId: "during" });
    // ... a reviewer approves it meanwhile ... and the run persists
    await approveCandidate(db, c.id, { actor: "rev@example.com", reason: "decided during the run" });
    await db.prisma.$transaction((tx) => outcome.persist(tx));
    expect(await db.prisma.patternCandidate.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "approved", decidedBy: "rev@example.com" });
  });

  it("in aggressive mode, candidates at or above the threshold become active patterns by themselves", async () => {
    const fresh = await createTestDb();
    try {
      await updateSetting(fresh, "autoApproveConfidence", "0.5", "test");
      await ingestEvents(fresh, events, { maxEvents: Number.POSITIVE_INFINITY, now: NOW });
      await runAnalysis(fresh, { steps: ANALYSIS_STEPS, now: new Date(NOW) });
      const auto = await fresh.prisma.patternCandidate.findMany({ where: { status: "auto_approved" } });
      const pending = await fresh.prisma.patternCandidate.findMany({ where: { status: "pending" } });
      expect(auto.length).toBeGreaterThan(0);
      for (const a of auto) {
        expect(a.confidence).toBeGreaterThanOrEqual(0.5);
        expect(a.decidedBy).toBe("system");
        expect((await fresh.prisma.pattern.findUniqueOrThrow({ where: { id: a.patternId! } })).status).toBe("active");
      }
      for (const p of pending) expect(p.confidence).toBeLessThan(0.5);

      // a reviewer reverts one: when its group grows, the analysis refreshes it but leaves it to a person
      const target = auto[0]!;
      await revertAutoApproval(fresh, { candidateId: target.id, reason: "needs a human look" }, "rev@example.com");
      const member = events.find((e) => e.id === (JSON.parse(target.evidence) as string[])[0])!;
      await ingestEvents(fresh, [0, 1, 2].map((i) => ({ ...member, id: `grow-${i}`, startedAt: new Date(NOW + (i + 1) * 60_000).toISOString() })), { now: NOW });
      await runAnalysis(fresh, { steps: ANALYSIS_STEPS, now: new Date(NOW + 3_600_000) });
      const after = await fresh.prisma.patternCandidate.findUniqueOrThrow({ where: { id: target.id } });
      expect(after.evidenceCount).toBeGreaterThan(target.evidenceCount);
      expect(after).toMatchObject({ status: "pending", decidedBy: null });
    } finally {
      await fresh.destroy();
    }
  });

  it("a pending candidate grown past the threshold is approved by the system on a later run, over its archived pattern", async () => {
    const fresh = await createTestDb();
    try {
      await updateSetting(fresh, "autoApproveConfidence", "1", "test"); // nothing is confident enough at first
      await ingestEvents(fresh, events, { maxEvents: Number.POSITIVE_INFINITY, now: NOW });
      await runAnalysis(fresh, { steps: ANALYSIS_STEPS, now: new Date(NOW) });
      const [target, other] = await fresh.prisma.patternCandidate.findMany({ where: { status: "pending" }, orderBy: { confidence: "desc" } });
      expect(other).toBeDefined();
      // the pattern an earlier approval made, archived since, with a spec of its own
      const patternId = patternFromCandidate({ groupKey: target!.groupKey, proposedSpec: target!.proposedSpec!, kind: "execution" }, new Date(NOW)).id;
      await fresh.prisma.pattern.create({ data: { id: patternId, name: "old", status: "archived", spec: "name: old\n", createdAt: new Date(NOW), updatedAt: new Date(NOW) } });
      await updateSetting(fresh, "autoApproveConfidence", String(Math.floor(target!.confidence * 100 - 5) / 100), "test");
      const member = events.find((e) => e.id === (JSON.parse(target!.evidence) as string[])[0])!;
      await ingestEvents(fresh, [0, 1, 2].map((i) => ({ ...member, id: `grow-auto-${i}`, startedAt: new Date(NOW + (i + 1) * 60_000).toISOString() })), { now: NOW });
      await runAnalysis(fresh, { steps: ANALYSIS_STEPS, now: new Date(NOW + 3_600_000) });
      const after = await fresh.prisma.patternCandidate.findUniqueOrThrow({ where: { id: target!.id } });
      expect(after).toMatchObject({ status: "auto_approved", decidedBy: "system", patternId, name: target!.name });
      expect(after.evidenceCount).toBeGreaterThan(target!.evidenceCount);
      expect(await fresh.prisma.pattern.findUniqueOrThrow({ where: { id: patternId } })).toMatchObject({ status: "active", spec: after.proposedSpec });
      expect(await fresh.prisma.auditEvent.count({ where: { action: "candidate.auto_approve", targetId: target!.id } })).toBe(1);
      // a candidate no new run touched is left as it was
      expect(await fresh.prisma.patternCandidate.findUniqueOrThrow({ where: { id: other!.id } })).toMatchObject({ status: "pending", evidenceCount: other!.evidenceCount });
    } finally {
      await fresh.destroy();
    }
  });

  it("analysing in two halves finds what analysing all at once finds (adhoc_shapes carries the first half)", async () => {
    const [once, twice] = [await createTestDb(), await createTestDb()];
    try {
      const ordered = [...events].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
      const half = Math.floor(ordered.length / 2);
      const summary = async (d: TestDb) =>
        (await d.prisma.patternCandidate.findMany({ where: { kind: "execution" } }))
          .map((c) => ({ groupKey: c.groupKey, size: c.evidenceCount, evidence: (JSON.parse(c.evidence) as string[]).sort() }))
          .sort((a, b) => a.groupKey.localeCompare(b.groupKey));
      for (const d of [once, twice]) await updateSetting(d, "aggressiveMode", "false", "test");
      await ingestEvents(once, ordered, { maxEvents: Number.POSITIVE_INFINITY, now: NOW });
      await runAnalysis(once, { steps: ANALYSIS_STEPS, now: new Date(NOW) });
      await ingestEvents(twice, ordered.slice(0, half), { maxEvents: Number.POSITIVE_INFINITY, now: NOW });
      await runAnalysis(twice, { steps: ANALYSIS_STEPS, now: new Date(NOW) });
      expect(await twice.prisma.adHocShape.count()).toBe(ordered.slice(0, half).filter((e) => !e.patternId).length);
      await ingestEvents(twice, ordered.slice(half), { maxEvents: Number.POSITIVE_INFINITY, now: NOW });
      await runAnalysis(twice, { steps: ANALYSIS_STEPS, now: new Date(NOW) });
      const expected = await summary(once);
      expect(expected.length).toBe(truth.groups.length);
      expect(await summary(twice)).toEqual(expected);
      // the first half held 4 of the agent prompts, one of them twice: a candidate then, withdrawn once all 6 came
      expect(await twice.prisma.auditEvent.count({ where: { action: "candidate.withdraw" } })).toBe(1);
    } finally {
      await once.destroy();
      await twice.destroy();
    }
  });
});

describe(`two clusters of one operation stand apart by title on ${dialect}`, () => {
  let db: TestDb;
  const run = (id: string, inputs: Record<string, unknown>, minute: number) => ({ id, operation: "write_file", inputs, startedAt: new Date(NOW - minute * 60_000).toISOString(), durationMs: 900, success: true });
  const byContent = Array.from({ length: 6 }, (_, i) => run(`wc-${i}`, { path: `notes/${i}.md`, content: "hello" }, 10 + i));
  const byMode = Array.from({ length: 6 }, (_, i) => run(`wm-${i}`, { path: `bin/${i}.sh`, mode: "0755" }, 30 + i));

  beforeAll(async () => {
    db = await createTestDb();
    await updateSetting(db, "aggressiveMode", "false", "test");
    await ingestEvents(db, [...byContent, ...byMode], { now: NOW });
    await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(NOW) });
  });
  afterAll(async () => db?.destroy());

  it("names the second by the inputs that tell it apart, in the title and in its proposed spec", async () => {
    const candidates = await db.prisma.patternCandidate.findMany({ where: { kind: "execution" }, orderBy: { name: "asc" } });
    expect(candidates.map((c) => c.name)).toHaveLength(2);
    expect(new Set(candidates.map((c) => c.name)).size).toBe(2);
    expect(candidates.map((c) => c.name)).toContain("Write file");
    const other = candidates.find((c) => c.name !== "Write file")!;
    expect(other.name).toMatch(/^Write file \((content, path|mode, path)\)$/);
    expect(specFromYaml(other.proposedSpec!).name).toBe(other.name);
  });

  it("keeps each title when the cluster grows and is refreshed", async () => {
    const before = await db.prisma.patternCandidate.findMany({ where: { kind: "execution" }, select: { id: true, name: true }, orderBy: { id: "asc" } });
    const more = [run("wc-x", { path: "notes/x.md", content: "hello" }, 1), run("wm-x", { path: "bin/x.sh", mode: "0755" }, 2)];
    await ingestEvents(db, more, { now: NOW });
    await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(NOW + 60_000) });
    const after = await db.prisma.patternCandidate.findMany({ where: { kind: "execution" }, select: { id: true, name: true, evidenceCount: true }, orderBy: { id: "asc" } });
    expect(after.map(({ id, name }) => ({ id, name }))).toEqual(before);
    expect(after.every((c) => c.evidenceCount === 7)).toBe(true);
  });
});

describe(`AUTO-001 looks over the whole retained history on ${dialect}`, () => {
  let db: TestDb;
  const DAY = 86_400_000;
  const run = (id: string, op: string, daysAgo: number) => ({ id, operation: op, inputs: { region: "eu", tenant: `t${id.length}` }, startedAt: new Date(NOW - daysAgo * DAY).toISOString(), durationMs: 800, success: true });
  const evidenceOf = async (operation: string) => {
    const c = await db.prisma.patternCandidate.findFirst({ where: { kind: "execution", name: { startsWith: operation } } });
    return c ? (JSON.parse(c.evidence) as string[]).sort() : null;
  };

  beforeAll(async () => {
    db = await createTestDb();
    await updateSetting(db, "aggressiveMode", "false", "test");
  });
  afterAll(async () => db?.destroy());

  it("an imported eight weeks of history is proposed whole, old work included", async () => {
    // one group the former 30-day window would have cut in two, one wholly older than 30 days
    const straddling = [20, 25, 35, 40, 45, 50].map((d) => run(`straddle-${d}`, "rebuild_index", d));
    const old = [40, 44, 48, 52, 55].map((d) => run(`old-${d}`, "rotate_certs", d));
    await ingestEvents(db, [...straddling, ...old], { now: NOW });
    await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(NOW) });
    expect(await evidenceOf("Rebuild index")).toEqual(straddling.map((r) => r.id).sort());
    expect(await evidenceOf("Rotate certs")).toEqual(old.map((r) => r.id).sort());
  });

  it("runs older than the retention setting are left out", async () => {
    await ingestEvents(db, [95, 96, 97, 98, 99].map((d) => run(`ancient-${d}`, "purge_cache", d)), { now: NOW });
    await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(NOW + 1000) });
    expect(await evidenceOf("Purge cache")).toBeNull();
  });

  it("raising the retention reads the newly covered part of the history once", async () => {
    await updateSetting(db, "retentionDays", "120", "test");
    await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(NOW + 2000) });
    expect(await evidenceOf("Purge cache")).toHaveLength(5);
  });
});

describe(`a database indexed over the former 30-day window on ${dialect}`, () => {
  let db: TestDb;
  const DAY = 86_400_000;
  beforeAll(async () => {
    db = await createTestDb();
    await updateSetting(db, "aggressiveMode", "false", "test");
  });
  afterAll(async () => db?.destroy());

  it("has the older part of its history read once after the upgrade", async () => {
    const runs = [3, 33, 36, 39, 42, 45].map((d) => ({ id: `legacy-${d}`, operation: "compact_logs", inputs: { disk: "d1" }, startedAt: new Date(NOW - d * DAY).toISOString(), durationMs: 500, success: true }));
    await ingestEvents(db, runs, { now: NOW });
    // as the former code left it: shapes over 30 days, and no record of how far back they reach
    await updateSetting(db, "retentionDays", "30", "test");
    await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(NOW) });
    await db.prisma.setting.delete({ where: { key: "internal.adhocCoveredFrom" } });
    await updateSetting(db, "retentionDays", "90", "test");
    expect(await db.prisma.patternCandidate.count()).toBe(0);
    await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(NOW + 1000) });
    const c = await db.prisma.patternCandidate.findFirstOrThrow({ where: { kind: "execution" } });
    expect((JSON.parse(c.evidence) as string[]).sort()).toEqual(runs.map((r) => r.id).sort());
  });
});
