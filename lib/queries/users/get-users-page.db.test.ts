import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../../db/test-db";
import { createUser } from "../../mutations/create-user";
import { getUsersPage } from "./get-users-page";

const FIRST = { limit: 50, offset: 0, sort: { id: "email" as const, desc: false } };

// The Users listing pages, sorts, filters and searches on the server.
describe(`the Users listing on ${testDialect()}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
    for (const [email, role, name] of [["cy@example.com", "viewer", "Cy"], ["ada@example.com", "admin", "Ada"], ["bo@example.com", "reviewer", "Bo Zed"]] as const) {
      await createUser(db, { email, role, name, password: "a long enough password" }, "test");
    }
  });
  afterAll(async () => db?.destroy());

  it("sorts by email either way and pages with the total", async () => {
    const all = await getUsersPage(db, FIRST);
    expect(all.rows.map((u) => u.email)).toEqual(["ada@example.com", "bo@example.com", "cy@example.com"]);
    expect(all.total).toBe(3);
    const last = await getUsersPage(db, { ...FIRST, limit: 2, offset: 2, sort: { id: "email", desc: true } });
    expect(last.rows.map((u) => u.email)).toEqual(["ada@example.com"]);
    expect(last.total).toBe(3);
    expect((await getUsersPage(db, { ...FIRST, sort: { id: "role", desc: false } })).rows.map((u) => u.role)).toEqual(["admin", "reviewer", "viewer"]);
  });

  it("filters by role and searches email or name", async () => {
    expect((await getUsersPage(db, { ...FIRST, role: "reviewer" })).rows.map((u) => u.email)).toEqual(["bo@example.com"]);
    expect((await getUsersPage(db, { ...FIRST, q: "Zed" })).rows.map((u) => u.email)).toEqual(["bo@example.com"]);
    const cy = await getUsersPage(db, { ...FIRST, q: "CY@" });
    expect(cy.rows.map((u) => u.email)).toEqual(["cy@example.com"]);
    expect(cy.total).toBe(1);
  });
});
