import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../../db/test-db";
import { makeCandidate } from "../../mutations/candidate-fixture";
import { getCandidatePage } from "./get-candidate-page";
import { getQueueNeighbours } from "./get-queue-neighbours";

describe(`the review queue's reads on ${testDialect()}`, () => {
  let db: TestDb;
  const page = { limit: 2, offset: 0, sort: { id: "confidence" as const, desc: true } };
  beforeAll(async () => {
    db = await createTestDb();
    await makeCandidate(db, "q1", { name: "Deploy api", confidence: 0.9 });
    await makeCandidate(db, "q2", { name: "Deploy web", confidence: 0.6 });
    await makeCandidate(db, "q3", { name: "Rotate keys", confidence: 0.6 });
    await makeCandidate(db, "q4", { name: "Lint repo", confidence: 0.8, status: "auto_approved" });
    await makeCandidate(db, "q5", { name: "Template: a", confidence: 0.5, kind: "file_template" });
  });
  afterAll(async () => db?.destroy());

  it("pages on the server and counts every match", async () => {
    const first = await getCandidatePage(db, { ...page, status: "pending" });
    expect(first).toEqual({ total: 4, rows: [expect.objectContaining({ id: "q1" }), expect.objectContaining({ id: "q2" })] });
    const second = await getCandidatePage(db, { ...page, offset: 2, status: "pending" });
    expect(second.rows.map((r) => r.id)).toEqual(["q3", "q5"]);
  });

  it.each([
    [{ kind: "file_template" }, ["q5"]],
    [{ status: "auto_approved" }, ["q4"]],
    [{ minConfidence: 0.6, maxConfidence: 0.8 }, ["q4", "q2", "q3"]],
    [{ q: "Deploy" }, ["q1", "q2"]],
    [{}, ["q1", "q4", "q2", "q3", "q5"]],
  ])("filters %j", async (filters, ids) => {
    const result = await getCandidatePage(db, { ...page, limit: 50, ...filters });
    expect(result.rows.map((r) => r.id)).toEqual(ids);
    expect(result.total).toBe(ids.length);
  });

  it("sorts by name and by decision time, undecided last either way", async () => {
    expect((await getCandidatePage(db, { ...page, limit: 50, sort: { id: "name", desc: false } })).rows.map((r) => r.name)).toEqual(["Deploy api", "Deploy web", "Lint repo", "Rotate keys", "Template: a"]);
    for (const desc of [true, false]) {
      expect((await getCandidatePage(db, { ...page, limit: 50, sort: { id: "decided", desc } })).rows[0]!.id).toBe("q4");
    }
  });

  it("walks the pending queue in confidence order, ties by id", async () => {
    expect(await getQueueNeighbours(db, { id: "q2", confidence: 0.6 })).toEqual({ previous: "q1", next: "q3", first: "q1", pending: 4 });
    expect(await getQueueNeighbours(db, { id: "q1", confidence: 0.9 })).toMatchObject({ previous: null, next: "q2" });
    // a decided one (q4, 0.8) sits between q1 and q2
    expect(await getQueueNeighbours(db, { id: "q4", confidence: 0.8 })).toMatchObject({ previous: "q1", next: "q2" });
    expect(await getQueueNeighbours(db, { id: "q5", confidence: 0.5 })).toMatchObject({ previous: "q3", next: null });
  });
});
