import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { makeCandidate } from "./candidate-fixture";
import { revertAutoApproval } from "./revert-auto-approval";

describe(`revert-auto-approval on ${testDialect()}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db?.destroy());

  it("puts the candidate back to pending and archives the pattern it made, audited", async () => {
    const { patternId } = await makeCandidate(db, "r1", { status: "auto_approved", name: "Purge caches" });
    const done = await revertAutoApproval(db, { candidateId: "r1", reason: "not a real pattern" }, "rev@example.com");
    expect(done).toEqual({ candidateId: "r1", patternId, pattern: "archived" });
    expect(await db.prisma.patternCandidate.findUniqueOrThrow({ where: { id: "r1" } })).toMatchObject({ status: "pending", decidedBy: null, decisionReason: null, patternId: null });
    expect(await db.prisma.pattern.findUniqueOrThrow({ where: { id: patternId! } })).toMatchObject({ status: "archived" });
    const events = await db.prisma.auditEvent.findMany({ where: { actor: "rev@example.com" }, orderBy: { action: "asc" } });
    expect(events.map((e) => [e.action, e.targetId, e.reason])).toEqual([
      ["candidate.revert", "r1", "not a real pattern"],
      ["pattern.archive", patternId, "auto-approval of r1 reverted: not a real pattern"],
    ]);
    expect(JSON.parse(events[0]!.details)).toMatchObject({ before: { status: "auto_approved", decidedBy: "system" }, after: { status: "pending", pattern: "archived" } });
    // once reverted it is not an auto-approval any more
    await expect(revertAutoApproval(db, { candidateId: "r1", reason: "again please" }, "rev@example.com")).rejects.toThrow("only an auto-approval can be reverted: this candidate is pending");
  });

  it("keeps a pattern whose spec was edited since", async () => {
    const { patternId } = await makeCandidate(db, "r2", { status: "auto_approved" });
    await db.prisma.pattern.update({ where: { id: patternId! }, data: { spec: "name: edited by hand\n" } });
    const done = await revertAutoApproval(db, { candidateId: "r2", reason: "reviewing it properly" }, "rev@example.com");
    expect(done.pattern).toBe("kept-edited");
    expect((await db.prisma.pattern.findUniqueOrThrow({ where: { id: patternId! } })).status).toBe("active");
    expect((await db.prisma.patternCandidate.findUniqueOrThrow({ where: { id: "r2" } })).status).toBe("pending");
  });

  it.each([
    [{ candidateId: "r-missing", reason: "not a pattern" }, 'no candidate "r-missing"'],
    [{ candidateId: "r3", reason: "no" }, "reason: say why the auto-approval is reverted"],
    [{ candidateId: "r3", reason: "a human approved it" }, "only an auto-approval can be reverted: this candidate is pending"],
  ])("refuses %j and writes nothing", async (input, message) => {
    if (!(await db.prisma.patternCandidate.findUnique({ where: { id: "r3" } }))) await makeCandidate(db, "r3");
    const audits = await db.prisma.auditEvent.count();
    await expect(revertAutoApproval(db, input, "rev@example.com")).rejects.toThrow(message);
    expect(await db.prisma.auditEvent.count()).toBe(audits);
  });
});
