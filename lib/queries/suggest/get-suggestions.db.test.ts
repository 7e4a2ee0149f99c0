// Patterns registered from telemetry have no spec: suggestions describe them by their runs, so the
// operation they run finds them (issue 13: `suggest --operation healthy_task` found nothing).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../../db/test-db";
import { simulateFailureScenarios } from "../../simulate/failure-scenarios";
import { ingestEvents } from "../../telemetry/ingest";
import { getSuggestions } from "./get-suggestions";

const NOW = Date.parse("2026-03-02T00:00:00Z");

describe(`getSuggestions on patterns registered from telemetry (${testDialect()})`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
    const { events } = simulateFailureScenarios({ seed: 7, now: NOW, days: 14 });
    const outcome = await ingestEvents(db, events, { maxEvents: Number.POSITIVE_INFINITY, now: NOW });
    expect(outcome.ok).toBe(true);
  }, 60_000);
  afterAll(async () => db?.destroy());

  it("finds the twelve active patterns that run healthy_task, by their runs", async () => {
    expect(await db.prisma.pattern.count({ where: { spec: "", status: "active" } })).toBeGreaterThan(12);
    const rows = await getSuggestions(db, { operation: "healthy_task" }, { limit: 50 });
    const healthy = rows.filter((r) => r.patternId?.startsWith("healthy-"));
    expect(healthy.map((r) => r.patternId).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `healthy-${i + 1}`).sort());
    for (const r of healthy) {
      expect(r.runs).toBeGreaterThan(10);
      expect(r.reason).toMatch(new RegExp(`same operation "healthy_task".*described by its ${r.runs} runs`));
    }
    // the inputs they were given count too: `target` is one of their parameters
    const [withInputs] = await getSuggestions(db, { operation: "healthy_task", inputs: { target: "users" } });
    expect(withInputs!.reason).toMatch(/inputs 1\/1 of its parameters \(target\)/);
  });
});
