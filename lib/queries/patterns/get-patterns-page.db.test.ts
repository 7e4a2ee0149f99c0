import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../../db/test-db";
import { runAnalysis } from "../../analysis/run";
import { ANALYSIS_STEPS } from "../../analysis/steps";
import { ingestEvents } from "../../telemetry/ingest";
import { periodOf } from "../period";
import { getPattern } from "./get-pattern";
import { getPatternsPage } from "./get-patterns-page";

// An approved pattern's runs were ad hoc (no patternId): the listing used to say "0 runs" with no trace of them.
const FIRST = { limit: 100, offset: 0, sort: { id: "pattern" as const, desc: false } };

describe(`the Patterns listing on ${testDialect()}`, () => {
  let db: TestDb;
  const now = new Date("2026-11-30T12:00:00Z");
  beforeAll(async () => {
    db = await createTestDb();
    const events = [
      ...Array.from({ length: 6 }, (_, i) => ({ id: `adhoc-${i}`, operation: "rotate_keys", inputs: { env: `e${i % 2}` }, startedAt: new Date(now.getTime() - (i + 1) * 3_600_000).toISOString(), durationMs: 20_000, success: true })),
      ...Array.from({ length: 4 }, (_, i) => ({ id: `named-${i}`, patternId: "deploy", operation: "deploy", startedAt: new Date(now.getTime() - (i + 1) * 86_400_000).toISOString(), durationMs: 1000, success: i !== 0 })),
      { id: "named-old", patternId: "deploy", operation: "deploy", startedAt: new Date(now.getTime() - 40 * 86_400_000).toISOString(), durationMs: 1000, success: true },
    ];
    const out = await ingestEvents(db, events, { now: now.getTime() });
    expect(out.ok).toBe(true);
    await runAnalysis(db, { steps: ANALYSIS_STEPS, now });
  });
  afterAll(async () => db?.destroy());

  it("counts runs in the period only, and shows the ad-hoc runs an approved pattern was made from", async () => {
    const { rows, total } = await getPatternsPage(db, { ...FIRST, range: periodOf(30, "2026-11-30") });
    const deploy = rows.find((r) => r.id === "deploy")!;
    expect(deploy).toMatchObject({ runs: 4, successRate: 0.75, evidenceRuns: null });
    const approved = rows.find((r) => r.origin === "candidate");
    expect(approved, "the rotate_keys candidate was auto-approved").toBeDefined();
    expect(approved).toMatchObject({ runs: 0, successRate: null, evidenceRuns: 6 });
    expect(total).toBe(rows.length);
    // its page lists those runs by the ids they were sent with
    const page = await getPattern(db, approved!.id);
    expect(page?.candidate?.evidenceIds.sort()).toEqual(["adhoc-0", "adhoc-1", "adhoc-2", "adhoc-3", "adhoc-4", "adhoc-5"]);
    expect((await getPatternsPage(db, { ...FIRST, range: periodOf(90, "2026-11-30") })).rows.find((r) => r.id === "deploy")!.runs).toBe(5);
  });

  it("filters by status and pages on the server", async () => {
    expect((await getPatternsPage(db, { ...FIRST, status: "archived", range: periodOf(7, "2026-11-30") })).total).toBe(0);
    const second = await getPatternsPage(db, { ...FIRST, offset: 100, range: periodOf(7, "2026-11-30") });
    expect(second.rows).toEqual([]);
    const one = await getPatternsPage(db, { ...FIRST, limit: 1, range: periodOf(7, "2026-11-30") });
    expect(one.rows).toHaveLength(1);
    expect(one.total).toBeGreaterThan(1);
  });

  it("sorts and searches on the server", async () => {
    const range = periodOf(30, "2026-11-30");
    const asc = (await getPatternsPage(db, { ...FIRST, range })).rows.map((r) => r.id);
    const desc = (await getPatternsPage(db, { ...FIRST, sort: { id: "pattern", desc: true }, range })).rows.map((r) => r.id);
    expect(desc).toEqual([...asc].reverse());
    const found = await getPatternsPage(db, { ...FIRST, q: "deplo", range });
    expect(found.rows.map((r) => r.id)).toEqual(["deploy"]);
    expect(found.total).toBe(1);
  });
});
