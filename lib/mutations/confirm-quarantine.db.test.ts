import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { InputError } from "../schemas/parse-input";
import { ConfirmQuarantineError, confirmQuarantine } from "./confirm-quarantine";

describe(`confirm a proposed quarantine on ${testDialect()}`, () => {
  let db: TestDb;
  const now = new Date("2026-11-20T10:00:00Z");
  const seen = new Date("2026-11-19T10:00:00Z");
  beforeAll(async () => {
    db = await createTestDb();
    await db.prisma.pattern.createMany({ data: [{ id: "flaky", name: "Flaky" }, { id: "watched", name: "Watched" }] });
    await db.prisma.antiPattern.createMany({
      data: [
        { id: "ap_flaky", key: "pattern:flaky", kind: "failing_pattern", patternId: "flaky", status: "proposed", classification: "flaky", failureRate: 0.5, occurrences: 6, evidence: JSON.stringify({ reason: "6 of 12 recent runs failed" }), firstSeenAt: seen, lastSeenAt: seen },
        { id: "ap_watched", key: "pattern:watched", kind: "failing_pattern", patternId: "watched", status: "monitoring", failureRate: 0.1, occurrences: 1, firstSeenAt: seen, lastSeenAt: seen },
      ],
    });
  });
  afterAll(async () => db?.destroy());

  it("quarantines the pattern on the detector's reason and records who confirmed it, once", async () => {
    await confirmQuarantine(db, { patternId: "flaky", reason: "" }, "rita@example.com", now);
    expect(await db.prisma.antiPattern.findUniqueOrThrow({ where: { id: "ap_flaky" } })).toMatchObject({ status: "quarantined" });
    expect(await db.prisma.pattern.findUniqueOrThrow({ where: { id: "flaky" } })).toMatchObject({ status: "quarantined", quarantinedAt: now, quarantineReason: "flaky: 6 of 12 recent runs failed" });
    const events = await db.prisma.auditEvent.findMany({ where: { action: "quarantine.confirm" } });
    expect(events).toEqual([expect.objectContaining({ actor: "rita@example.com", targetId: "ap_flaky", reason: "confirmed: flaky: 6 of 12 recent runs failed" })]);
    await expect(confirmQuarantine(db, { patternId: "flaky" }, "sam@example.com", now)).rejects.toThrow(/is quarantined, not proposed \(already handled\?\)/);
    expect(await db.prisma.auditEvent.count({ where: { action: "quarantine.confirm" } })).toBe(1);
  });

  it.each([
    [{ patternId: "watched" }, ConfirmQuarantineError, /is monitoring, not proposed/],
    [{ patternId: "nope" }, ConfirmQuarantineError, /no proposed quarantine for "nope"/],
    [{ patternId: " " }, InputError, /patternId: which pattern/],
    [{ patternId: "watched", reason: "x".repeat(1001) }, InputError, /reason: a note is at most 1000 characters/],
  ])("refuses %j and writes nothing", async (input, kind, message) => {
    const audits = await db.prisma.auditEvent.count();
    await expect(confirmQuarantine(db, input, "rita@example.com", now)).rejects.toBeInstanceOf(kind);
    await expect(confirmQuarantine(db, input, "rita@example.com", now)).rejects.toThrow(message);
    expect(await db.prisma.auditEvent.count()).toBe(audits);
    expect((await db.prisma.pattern.findUniqueOrThrow({ where: { id: "watched" } })).status).toBe("active");
  });
});
