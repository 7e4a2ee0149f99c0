import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { InputError } from "../schemas/parse-input";
import { liftQuarantine } from "./lift-quarantine";
import { QuarantineError, quarantinePattern } from "./quarantine-pattern";

describe(`quarantine a pattern by hand on ${testDialect()}`, () => {
  let db: TestDb;
  const now = new Date("2026-11-20T10:00:00Z");
  beforeAll(async () => {
    db = await createTestDb();
    await db.prisma.pattern.createMany({
      data: [
        { id: "deploy", name: "Deploy", status: "active" },
        { id: "gone", name: "Gone", status: "archived" },
      ],
    });
  });
  afterAll(async () => db?.destroy());

  it("quarantines it with the reason, makes a registry entry and audits who and why, once", async () => {
    const { antiPatternId } = await quarantinePattern(db, { patternId: " deploy ", reason: "writes to the wrong bucket" }, "rita@example.com", now);
    const pattern = await db.prisma.pattern.findUniqueOrThrow({ where: { id: "deploy" } });
    expect(pattern).toMatchObject({ status: "quarantined", quarantineReason: "writes to the wrong bucket", quarantinedAt: now });
    const entry = await db.prisma.antiPattern.findUniqueOrThrow({ where: { id: antiPatternId } });
    expect(entry).toMatchObject({ key: "pattern:deploy", kind: "failing_pattern", status: "quarantined", patternId: "deploy" });
    const events = await db.prisma.auditEvent.findMany({ where: { action: "quarantine.manual" } });
    expect(events).toEqual([expect.objectContaining({ actor: "rita@example.com", targetType: "anti_pattern", targetId: antiPatternId, reason: "writes to the wrong bucket" })]);
    expect(JSON.parse(events[0]!.details)).toMatchObject({ before: { pattern: "active", entry: null }, after: { pattern: "quarantined" } });
    // a second press finds nothing to do and writes nothing
    await expect(quarantinePattern(db, { patternId: "deploy", reason: "again" }, "sam@example.com", now)).rejects.toThrow(/is quarantined, so it cannot be quarantined/);
    expect(await db.prisma.auditEvent.count({ where: { action: "quarantine.manual" } })).toBe(1);
  });

  it("is released by a lift like any quarantine, and can be quarantined again after", async () => {
    await liftQuarantine(db, "deploy", { actor: "sam@example.com", reason: "bucket fixed" });
    expect((await db.prisma.pattern.findUniqueOrThrow({ where: { id: "deploy" } })).status).toBe("active");
    await quarantinePattern(db, { patternId: "deploy", reason: "broke again" }, "rita@example.com", now);
    expect(await db.prisma.antiPattern.findUniqueOrThrow({ where: { key: "pattern:deploy" } })).toMatchObject({ status: "quarantined" });
    expect(await db.prisma.antiPattern.count({ where: { patternId: "deploy" } })).toBe(1);
  });

  it.each([
    [{ patternId: "", reason: "a reason" }, InputError, /patternId: which pattern/],
    [{ patternId: "deploy", reason: "no" }, InputError, /reason: give a reason \(at least 3 characters\)/],
    [{ patternId: "x".repeat(201), reason: "a reason" }, InputError, /patternId: a pattern id is at most 200 characters/],
    [{ patternId: "nope", reason: "a reason" }, QuarantineError, /no pattern "nope"/],
    [{ patternId: "gone", reason: "a reason" }, QuarantineError, /is archived/],
  ])("refuses %j, saying what and where, and writes nothing", async (input, kind, message) => {
    const audits = await db.prisma.auditEvent.count();
    const entries = await db.prisma.antiPattern.count();
    const call = quarantinePattern(db, input, "rita@example.com", now);
    await expect(call).rejects.toBeInstanceOf(kind);
    await expect(quarantinePattern(db, input, "rita@example.com", now)).rejects.toThrow(message);
    expect(await db.prisma.auditEvent.count()).toBe(audits);
    expect(await db.prisma.antiPattern.count()).toBe(entries);
  });
});
