// The daily totals the evolution and quarantine steps judge on, read from the metrics kept at ingest: a day
// run under two operations is one day, the days before `dailyFrom` one total on `from`, days before `from`
// left out, runs inside an outage taken away, and a pattern with no runs there is an empty list. Both providers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import type { ExecutionEvent } from "../telemetry/event-schema";
import { ingestEvents } from "../telemetry/ingest";
import { dailyTotalsOutsideOutages } from "./pattern-runs";

const dialect = testDialect();
const NOW = Date.parse("2026-11-25T20:00:00Z");

function run(patternId: string, operation: string, at: string, success: boolean, n: number): ExecutionEvent {
  return { id: `${patternId}-${operation}-${at}-${n}`, patternId, operation, startedAt: at, durationMs: 10, success, source: "ci" };
}

describe(`daily totals outside outages on ${dialect}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
    await ingestEvents(
      db,
      [
        run("deploy", "deploy_task", "2026-09-01T10:00:00.000Z", false, 1), // before `from`: left out
        run("deploy", "deploy_task", "2026-10-01T10:00:00.000Z", true, 1), // older days: one total on `from`
        run("deploy", "deploy_task", "2026-10-15T10:00:00.000Z", false, 1),
        run("deploy", "rollback_task", "2026-10-20T10:00:00.000Z", true, 1),
        run("deploy", "deploy_task", "2026-11-20T10:00:00.000Z", true, 1), // one day, two operations
        run("deploy", "deploy_task", "2026-11-20T11:00:00.000Z", false, 2),
        run("deploy", "rollback_task", "2026-11-20T12:00:00.000Z", true, 1),
        run("deploy", "deploy_task", "2026-11-24T10:00:00.000Z", false, 1), // inside an outage
        run("deploy", "deploy_task", "2026-11-24T10:05:00.000Z", true, 2),
        run("backup", "backup_task", "2026-11-21T10:00:00.000Z", true, 1),
      ],
      { maxEvents: Number.POSITIVE_INFINITY, now: NOW },
    );
  });
  afterAll(async () => db?.destroy());

  it("sums each day across operations, the older days onto `from`, and takes outage runs away", async () => {
    const inOutages = new Map([
      ["deploy", [{ startedAt: Date.parse("2026-11-24T10:00:00.000Z"), success: false }]],
      ["elsewhere", [{ startedAt: Date.parse("2026-11-24T10:00:00.000Z"), success: true }]],
    ]);
    const totals = await dailyTotalsOutsideOutages(db, ["deploy", "backup", "idle"], { from: "2026-09-02", dailyFrom: "2026-10-28" }, inOutages);
    expect(totals.get("deploy")).toEqual([
      { day: "2026-09-02", executions: 3, successes: 2 },
      { day: "2026-11-20", executions: 3, successes: 2 },
      { day: "2026-11-24", executions: 1, successes: 1 },
    ]);
    expect(totals.get("backup")).toEqual([{ day: "2026-11-21", executions: 1, successes: 1 }]);
    expect(totals.get("idle")).toEqual([]);
    expect(totals.has("elsewhere")).toBe(false);
  });

  it("reads every day one by one when `dailyFrom` is `from`", async () => {
    const totals = await dailyTotalsOutsideOutages(db, ["deploy"], { from: "2026-10-10", dailyFrom: "2026-10-10" }, new Map());
    expect(totals.get("deploy")?.map((d) => d.day)).toEqual(["2026-10-15", "2026-10-20", "2026-11-20", "2026-11-24"]);
  });
});
