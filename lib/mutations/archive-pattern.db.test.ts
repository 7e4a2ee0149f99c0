import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { InputError } from "../schemas/parse-input";
import { ArchiveError, archivePattern } from "./archive-pattern";
import { unarchivePattern } from "./unarchive-pattern";

describe(`archive a pattern on ${testDialect()}`, () => {
  let db: TestDb;
  const now = new Date("2026-11-20T10:00:00Z");
  beforeAll(async () => {
    db = await createTestDb();
    await db.prisma.pattern.createMany({ data: [{ id: "old", name: "Old" }, { id: "held", name: "Held", status: "quarantined" }] });
  });
  afterAll(async () => db?.destroy());

  it("archives it with who and why, once, and a restore brings it back", async () => {
    await archivePattern(db, { patternId: "old", reason: "replaced by the new deploy" }, "rita@example.com", now);
    expect(await db.prisma.pattern.findUniqueOrThrow({ where: { id: "old" } })).toMatchObject({ status: "archived", archivedAt: now });
    const events = await db.prisma.auditEvent.findMany({ where: { action: "pattern.archive" } });
    expect(events).toEqual([expect.objectContaining({ actor: "rita@example.com", targetType: "pattern", targetId: "old", reason: "replaced by the new deploy" })]);
    expect(JSON.parse(events[0]!.details)).toEqual({ before: { status: "active" }, after: { status: "archived" } });
    await expect(archivePattern(db, { patternId: "old", reason: "again" }, "sam@example.com", now)).rejects.toThrow(/is archived \(already archived\?\)/);
    await unarchivePattern(db, { patternId: "old", reason: "needed after all" }, "sam@example.com");
    expect((await db.prisma.pattern.findUniqueOrThrow({ where: { id: "old" } })).status).toBe("active");
  });

  it.each([
    [{ patternId: "held", reason: "a reason" }, ArchiveError, /quarantined: lift the quarantine before archiving it/],
    [{ patternId: "nope", reason: "a reason" }, ArchiveError, /no pattern "nope"/],
    [{ patternId: "old", reason: " a " }, InputError, /reason: give a reason/],
    [{ patternId: "old" }, InputError, /reason: give a reason/],
  ])("refuses %j and writes nothing", async (input, kind, message) => {
    const audits = await db.prisma.auditEvent.count();
    await expect(archivePattern(db, input as never, "rita@example.com", now)).rejects.toBeInstanceOf(kind);
    await expect(archivePattern(db, input as never, "rita@example.com", now)).rejects.toThrow(message);
    expect(await db.prisma.auditEvent.count()).toBe(audits);
    expect((await db.prisma.pattern.findUniqueOrThrow({ where: { id: "held" } })).status).toBe("quarantined");
  });
});
