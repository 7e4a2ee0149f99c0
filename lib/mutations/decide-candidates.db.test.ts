import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { makeCandidate } from "./candidate-fixture";
import { decideCandidates } from "./decide-candidates";

describe(`decide-candidates (bulk) on ${testDialect()}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db?.destroy());

  it("rejects each chosen row on its own: one already decided fails alone, with a result per row", async () => {
    for (const id of ["b1", "b2", "b3"]) await makeCandidate(db, id);
    await makeCandidate(db, "b-auto", { status: "auto_approved" });
    const results = await decideCandidates(db, { ids: ["b1", "b-auto", "b2", "b-missing", "b1"], decision: "reject", reason: "not worth a pattern" }, "rev@example.com");
    expect(results).toEqual([
      { id: "b1", ok: true, patternId: null },
      { id: "b-auto", ok: false, error: "already handled: this candidate was auto-approved before" },
      { id: "b2", ok: true, patternId: null },
      { id: "b-missing", ok: false, error: 'no candidate "b-missing"' },
    ]);
    const rows = await db.prisma.patternCandidate.findMany({ where: { id: { in: ["b1", "b2", "b3", "b-auto"] } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.id, r.status, r.decisionReason])).toEqual([
      ["b-auto", "auto_approved", "confidence 0.80 ≥ 0.75 in aggressive mode"],
      ["b1", "rejected", "not worth a pattern"],
      ["b2", "rejected", "not worth a pattern"],
      ["b3", "pending", null],
    ]);
    expect(await db.prisma.auditEvent.count({ where: { action: "candidate.reject", actor: "rev@example.com" } })).toBe(2);
  });

  it("approves many, each becoming an active pattern", async () => {
    for (const id of ["a1", "a2"]) await makeCandidate(db, id, { name: `Bulk ${id}` });
    const results = await decideCandidates(db, { ids: ["a1", "a2"], decision: "approve" }, "rev@example.com");
    expect(results.every((r) => r.ok)).toBe(true);
    const patterns = await db.prisma.pattern.findMany({ where: { name: { in: ["Bulk a1", "Bulk a2"] } } });
    expect(patterns.map((p) => p.status)).toEqual(["active", "active"]);
  });

  it.each([
    [{ ids: [], decision: "reject", reason: "none chosen" }, /ids: choose at least one candidate/],
    [{ ids: ["b3"], decision: "reject", reason: "" }, /reason: say why they are rejected/],
    [{ ids: Array.from({ length: 201 }, (_, i) => `x${i}`), decision: "reject", reason: "too many" }, /ids: at most 200/],
  ])("refuses %#, writing nothing", async (input, message) => {
    const audits = await db.prisma.auditEvent.count();
    await expect(decideCandidates(db, input as never, "rev@example.com")).rejects.toThrow(message);
    expect(await db.prisma.auditEvent.count()).toBe(audits);
  });
});
