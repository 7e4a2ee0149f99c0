// The batched read of many patterns' latest runs (one LATERAL query per 500 on PostgreSQL) answers exactly
// what the per-pattern read does: same runs, same order, same "complete", outages and ranges included,
// and the patterns whose newest runs are mostly in outages read again further back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import type { OutageWindow } from "../detectors/types";
import { createRandom } from "../simulate/random";
import { storeRows } from "../telemetry/store";
import { toRow } from "../telemetry/normalize";
import { latestEligibleRuns, latestEligibleRunsMany } from "./pattern-runs";

const HOUR = 3_600_000;
const T0 = Date.parse("2026-11-01T00:00:00Z");

describe(`latestEligibleRunsMany on ${testDialect()}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
    const r = createRandom(5);
    const events = [];
    for (let p = 0; p < 30; p++) {
      const n = [0, 3, 20, 64, 80, 200][p % 6]!; // fewer and more runs than a page
      for (let i = 0; i < n; i++) {
        const at = T0 + r.int(0, 20 * 24) * HOUR + i; // same-hour runs: ties broken by seq
        events.push({ id: `lr-${p}-${i}`, patternId: `lr-${p}`, operation: "op", startedAt: new Date(at).toISOString(), durationMs: 1, success: r.next() > 0.3, source: `s${p % 2}` });
      }
    }
    await storeRows(db, events.map((e) => toRow(e, T0 + 30 * 24 * HOUR)));
  });
  afterAll(async () => db?.destroy());

  it("matches the per-pattern read for every pattern, range and outage", async () => {
    // a long outage on source s0 covers most of those patterns' newest runs (the read-again case)
    const outages: OutageWindow[] = [
      { source: "s0", start: T0 + 5 * 24 * HOUR, end: T0 + 19 * 24 * HOUR, patternsFailing: 3, patternsActive: 3 },
      { source: null, start: T0 + 2 * 24 * HOUR, end: T0 + 3 * 24 * HOUR, patternsFailing: 3, patternsActive: 3 },
    ];
    const to = T0 + 21 * 24 * HOUR;
    const wanted = Array.from({ length: 31 }, (_, p) => ({ patternId: `lr-${p}`, from: T0 + (p % 3) * 4 * 24 * HOUR })); // lr-30 never ran
    for (const want of [1, 64]) {
      const many = await latestEligibleRunsMany(db, wanted, to, outages, want);
      expect(many.size).toBe(wanted.length);
      for (const w of wanted) {
        const one = await latestEligibleRuns(db, w.patternId, { from: w.from, to }, outages, want);
        expect(many.get(w.patternId), `${w.patternId}, want ${want}`).toEqual(one);
      }
    }
  });
});
