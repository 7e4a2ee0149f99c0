// The Activity page's read: filters by actor, action and UTC days (both ends included), newest first,
// paged with the total counted under the same filters.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditMany } from "../../audit/audit";
import { createTestDb, testDialect, type TestDb } from "../../db/test-db";
import { getAuditActors } from "./get-audit-actors";
import { getAuditEvents } from "./get-audit-events";

const DAY = 86_400_000;
const START = Date.parse("2026-11-01T00:00:00Z");

const NEWEST = { id: "at" as const, desc: true };

describe(`audit events on ${testDialect()}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
    // one event a day for 20 days (the 1st to the 20th of November, at noon), alternating actors
    await auditMany(
      db.prisma,
      Array.from({ length: 20 }, (_, i) => ({
        id: `aud_${String(i).padStart(2, "0")}`,
        at: new Date(START + i * DAY + DAY / 2),
        actor: i % 2 === 0 ? "ana@example.com" : "system",
        action: i % 5 === 0 ? ("setting.update" as const) : ("quarantine.apply" as const),
        target: { type: i % 5 === 0 ? "setting" : "anti_pattern", id: `t${i}` },
        reason: i === 0 ? "first" : null,
        ...(i % 5 === 0 ? { before: i, after: i + 1 } : {}),
      })),
    );
  });
  afterAll(async () => db?.destroy());

  it("pages newest first, with the total", async () => {
    const first = await getAuditEvents(db, { limit: 7, offset: 0, sort: NEWEST });
    expect(first.total).toBe(20);
    expect(first.rows.map((r) => r.targetId)).toEqual(["t19", "t18", "t17", "t16", "t15", "t14", "t13"]);
    const last = await getAuditEvents(db, { limit: 7, offset: 14, sort: NEWEST });
    expect(last.rows.map((r) => r.targetId)).toEqual(["t5", "t4", "t3", "t2", "t1", "t0"]);
    expect(last.rows.at(-1)).toMatchObject({ actor: "ana@example.com", action: "setting.update", reason: "first", before: 0, after: 1, details: {} });
  });

  it("sorts oldest first when asked", async () => {
    const oldest = await getAuditEvents(db, { limit: 3, offset: 0, sort: { id: "at", desc: false } });
    expect(oldest.rows.map((r) => r.targetId)).toEqual(["t0", "t1", "t2"]);
    expect(oldest.total).toBe(20);
  });

  it("filters by actor, action and UTC days, both ends included", async () => {
    const ana = await getAuditEvents(db, { actor: "ana@example.com", limit: 50, offset: 0, sort: NEWEST });
    expect(ana.total).toBe(10);
    expect(ana.rows.every((r) => r.actor === "ana@example.com")).toBe(true);
    const settings = await getAuditEvents(db, { actor: "ana@example.com", action: "setting.update", limit: 50, offset: 0, sort: NEWEST });
    expect(settings.rows.map((r) => r.targetId)).toEqual(["t10", "t0"]);
    const days = await getAuditEvents(db, { from: "2026-11-03", to: "2026-11-05", limit: 50, offset: 0, sort: NEWEST });
    expect(days.rows.map((r) => r.targetId)).toEqual(["t4", "t3", "t2"]);
    expect((await getAuditEvents(db, { actor: "nobody", limit: 50, offset: 0, sort: NEWEST })).total).toBe(0);
  });

  it("lists who acted", async () => {
    expect(await getAuditActors(db)).toEqual(["ana@example.com", "system"]);
  });
});
