import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { InputError } from "../schemas/parse-input";
import { specFromYaml, specToYaml } from "../schemas/pattern-spec";
import { makeCandidate, specFor } from "./candidate-fixture";
import { decideCandidate, DecisionError } from "./decide-candidate";
import { revertAutoApproval } from "./revert-auto-approval";
import { getCandidate } from "../queries/candidates/get-candidate";

describe(`decide-candidate on ${testDialect()}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db?.destroy());

  const audits = (targetId: string) => db.prisma.auditEvent.findMany({ where: { targetId }, orderBy: { at: "asc" } });

  it("approves under a new name: the active pattern carries it, the audit says before and after", async () => {
    await makeCandidate(db, "c-rename", { name: "Deploy api" });
    const done = await decideCandidate(db, { candidateId: "c-rename", decision: "approve", reason: "", name: "  Deploy the API  " }, "rev@example.com");
    const pattern = await db.prisma.pattern.findUniqueOrThrow({ where: { id: done.patternId! } });
    expect(pattern).toMatchObject({ name: "Deploy the API", status: "active", origin: "candidate" });
    expect(specFromYaml(pattern.spec).name).toBe("Deploy the API");
    const candidate = await db.prisma.patternCandidate.findUniqueOrThrow({ where: { id: "c-rename" } });
    expect(candidate).toMatchObject({ status: "approved", decidedBy: "rev@example.com", decisionReason: "approved", patternId: pattern.id });
    const [event] = await audits("c-rename");
    expect(event).toMatchObject({ action: "candidate.approve", actor: "rev@example.com" });
    expect(JSON.parse(event!.details)).toEqual({ before: { name: "Deploy api" }, after: { name: "Deploy the API", specEdited: false } });
  });

  it("approves with an edited spec, checked by the pattern-spec schema", async () => {
    await makeCandidate(db, "c-edit", { name: "Rotate keys" });
    const edited = specToYaml({ ...specFor("Rotate keys"), description: "Rotates the signing keys", medianDurationMs: 900 });
    const done = await decideCandidate(db, { candidateId: "c-edit", decision: "approve", reason: "useful", spec: edited }, "rev@example.com");
    const pattern = await db.prisma.pattern.findUniqueOrThrow({ where: { id: done.patternId! } });
    expect(pattern.description).toBe("Rotates the signing keys");
    expect(pattern.baselineDurationMs).toBe(900);
    expect(JSON.parse((await audits("c-edit"))[0]!.details).after).toEqual({ name: "Rotate keys", specEdited: true });
  });

  it.each([
    [{ decision: "approve", spec: "name: [unclosed" }, /spec: not valid YAML/],
    [{ decision: "approve", spec: "name: X\noperation: y\n" }, /spec: parameters: /],
    [{ decision: "approve", spec: specToYaml(specFor("X")).replace("successRate: 1", "successRate: 7") }, /spec: successRate: /],
    [{ decision: "approve", name: "x".repeat(201) }, /name: a name has at most 200 characters/],
    [{ decision: "reject", reason: "no" }, /reason: say why it is rejected/],
    [{ decision: "maybe", reason: "hmm" }, /decision: choose Approve or Reject/],
    [{ candidateId: "", decision: "approve" }, /candidateId: which candidate/],
  ])("refuses %j, saying where, and writes nothing", async (change, message) => {
    await makeCandidate(db, "c-bad-" + Math.random().toString(36).slice(2));
    const pending = await db.prisma.patternCandidate.findFirstOrThrow({ where: { status: "pending", id: { startsWith: "c-bad-" } } });
    const before = { audits: await db.prisma.auditEvent.count(), patterns: await db.prisma.pattern.count() };
    const error = await decideCandidate(db, { candidateId: pending.id, ...change } as never, "rev@example.com").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    expect({ audits: await db.prisma.auditEvent.count(), patterns: await db.prisma.pattern.count() }).toEqual(before);
    expect((await db.prisma.patternCandidate.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("pending");
    await db.prisma.patternCandidate.delete({ where: { id: pending.id } });
  });

  it("rejects with the reason, once: a second decision is already handled", async () => {
    await makeCandidate(db, "c-reject");
    await decideCandidate(db, { candidateId: "c-reject", decision: "reject", reason: "one-time migration" }, "rev@example.com");
    expect(await db.prisma.patternCandidate.findUniqueOrThrow({ where: { id: "c-reject" } })).toMatchObject({ status: "rejected", decisionReason: "one-time migration", decidedBy: "rev@example.com" });
    await expect(decideCandidate(db, { candidateId: "c-reject", decision: "approve" }, "other@example.com")).rejects.toThrow(/already handled: this candidate was rejected before/);
    await expect(decideCandidate(db, { candidateId: "c-reject", decision: "reject", reason: "again please" }, "other@example.com")).rejects.toBeInstanceOf(DecisionError);
    expect((await audits("c-reject")).map((a) => a.action)).toEqual(["candidate.reject"]);
  });

  it("says so for a candidate that does not exist", async () => {
    await expect(decideCandidate(db, { candidateId: "c-none", decision: "reject", reason: "not useful" }, "rev@example.com")).rejects.toThrow('no candidate "c-none"');
    await expect(decideCandidate(db, { candidateId: "c-none", decision: "approve" }, "rev@example.com")).rejects.toThrow('no candidate "c-none"');
  });

  describe("a pattern a person changed since its auto-approval was reverted", () => {
    // a person's edit (an imported spec) makes the revert keep the pattern; the candidate is pending again
    async function revertedWithEdit(id: string, status: "active" | "quarantined") {
      const { patternId } = await makeCandidate(db, id, { name: `Sync ${id}`, status: "auto_approved" });
      const edited = specToYaml({ ...specFor(`Sync ${id}`), description: "hand-written by the team" });
      await db.prisma.pattern.update({ where: { id: patternId! }, data: { spec: edited, status } });
      expect((await revertAutoApproval(db, { candidateId: id, reason: "too eager" }, "rev@example.com")).pattern).toBe("kept-edited");
      return { patternId: patternId!, edited };
    }

    it("keeps the person's spec when the candidate is approved again, and says so", async () => {
      const { patternId, edited } = await revertedWithEdit("c-kept", "active");
      // the review page warns before the decision
      expect((await getCandidate(db, "c-kept"))?.editedPattern).toMatchObject({ id: patternId, status: "active" });
      const done = await decideCandidate(db, { candidateId: "c-kept", decision: "approve", reason: "fine" }, "rev@example.com");
      expect(done).toMatchObject({ patternId, specKept: true });
      expect(await db.prisma.pattern.findUniqueOrThrow({ where: { id: patternId } })).toMatchObject({ spec: edited, status: "active" });
      const approval = (await audits("c-kept")).find((e) => e.action === "candidate.approve")!;
      expect(JSON.parse(approval.details)).toHaveProperty("specKept");
    });

    it("a quarantined pattern stays quarantined and keeps its spec", async () => {
      const { patternId, edited } = await revertedWithEdit("c-kept-q", "quarantined");
      await decideCandidate(db, { candidateId: "c-kept-q", decision: "approve", reason: "fine" }, "rev@example.com");
      expect(await db.prisma.pattern.findUniqueOrThrow({ where: { id: patternId } })).toMatchObject({ spec: edited, status: "quarantined" });
    });

    it("an approval that edits the spec itself replaces it", async () => {
      const { patternId } = await revertedWithEdit("c-replace", "active");
      const mine = specToYaml({ ...specFor("Sync c-replace"), description: "the reviewer's own" });
      const done = await decideCandidate(db, { candidateId: "c-replace", decision: "approve", reason: "fine", spec: mine }, "rev@example.com");
      expect(done.specKept).toBe(false);
      expect((await getCandidate(db, "c-replace"))?.editedPattern).toBeNull();
      expect((await db.prisma.pattern.findUniqueOrThrow({ where: { id: patternId } })).spec).toBe(mine);
    });
  });
});
