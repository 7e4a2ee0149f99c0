import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "../auth/auth";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { InputError } from "../schemas/parse-input";
import { createUser } from "./create-user";
import { getUsers } from "../queries/users/get-users";
import { setUserRole } from "./set-user-role";

describe(`users on ${testDialect()}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db?.destroy());

  it("creates a user whose password better-auth hashed and accepts at sign-in, with an audit event", async () => {
    const made = await createUser(db, { email: " Ada@Example.COM ", role: "admin", password: "a long enough password" }, "cli");
    expect(made).toMatchObject({ email: "ada@example.com", role: "admin", name: "ada" });
    const account = await db.authPrisma.account.findFirstOrThrow({ where: { userId: made.id } });
    expect(account.providerId).toBe("credential");
    expect(account.password).not.toContain("a long enough password");
    // the general client never shows the hash
    expect(await db.prisma.account.findFirstOrThrow({ where: { userId: made.id } })).not.toHaveProperty("password");
    const auth = await getAuth(db);
    const signedIn = await auth.api.signInEmail({ body: { email: "ada@example.com", password: "a long enough password" } });
    expect(signedIn.user.email).toBe("ada@example.com");
    await expect(auth.api.signInEmail({ body: { email: "ada@example.com", password: "the wrong password" } })).rejects.toThrow();
    const audit = await db.prisma.auditEvent.findMany({ where: { action: "user.create" } });
    expect(audit).toEqual([expect.objectContaining({ actor: "cli", targetId: "ada@example.com", details: JSON.stringify({ after: { role: "admin" } }) })]);
  });

  it.each([
    [{ email: "not-an-email", role: "viewer", password: "a long enough password" }, /email: not an email address/],
    [{ email: "bo@example.com", role: "boss", password: "a long enough password" }, /role: a role is one of viewer, reviewer, admin/],
    [{ email: "bo@example.com", role: "viewer", password: "short" }, /password: a password has at least 10 characters/],
    [{ email: "ADA@example.com", role: "viewer", password: "a long enough password" }, /email: a user with ada@example.com already exists/],
  ])("refuses %j, saying what and where, and writes nothing", async (input, message) => {
    const before = await db.prisma.user.count();
    const audits = await db.prisma.auditEvent.count();
    await expect(createUser(db, input as never, "cli")).rejects.toThrow(message);
    await expect(createUser(db, input as never, "cli")).rejects.toBeInstanceOf(InputError);
    expect(await db.prisma.user.count()).toBe(before);
    expect(await db.prisma.auditEvent.count()).toBe(audits);
  });

  it("changes a role with before and after in the audit log, and never demotes the last admin", async () => {
    const bo = await createUser(db, { email: "bo@example.com", role: "viewer", password: "a long enough password" }, "ada@example.com");
    await setUserRole(db, { userId: bo.id, role: "reviewer" }, "ada@example.com");
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "user.role" } });
    expect(event).toMatchObject({ actor: "ada@example.com", targetId: "bo@example.com" });
    expect(JSON.parse(event.details)).toEqual({ before: { role: "viewer" }, after: { role: "reviewer" } });

    const ada = (await getUsers(db)).find((u) => u.email === "ada@example.com")!;
    await expect(setUserRole(db, { userId: ada.id, role: "viewer" }, "ada@example.com")).rejects.toThrow(/last admin/);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: ada.id } })).role).toBe("admin");
    // with a second admin, the first may step down
    await setUserRole(db, { userId: bo.id, role: "admin" }, "ada@example.com");
    await setUserRole(db, { userId: ada.id, role: "viewer" }, "bo@example.com");
    expect((await getUsers(db)).map((u) => [u.email, u.role])).toEqual([
      ["ada@example.com", "viewer"],
      ["bo@example.com", "admin"],
    ]);
  });

  it("refuses an unknown user id without writing", async () => {
    const audits = await db.prisma.auditEvent.count();
    await expect(setUserRole(db, { userId: "usr_nobody", role: "admin" }, "x")).rejects.toThrow(/userId: no user with id usr_nobody/);
    expect(await db.prisma.auditEvent.count()).toBe(audits);
  });

  it("two admins demoting each other at once leave one admin, never none", async () => {
    const [cy, di] = await Promise.all(["cy", "di"].map((n) => createUser(db, { email: `${n}@race.example`, role: "admin", password: "a long enough password" }, "cli")));
    // every other admin steps down first, so these two are the last
    for (const u of await getUsers(db)) if (u.role === "admin" && u.id !== cy!.id && u.id !== di!.id) await setUserRole(db, { userId: u.id, role: "viewer" }, "cli");
    const results = await Promise.allSettled([setUserRole(db, { userId: cy!.id, role: "viewer" }, "di@race.example"), setUserRole(db, { userId: di!.id, role: "viewer" }, "cy@race.example")]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(String((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason)).toMatch(/last admin/);
    expect(await db.prisma.user.count({ where: { role: "admin" } })).toBe(1);
  });
});
