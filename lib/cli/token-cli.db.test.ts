// `patterns token` as an admin runs it: scopes and an expiry on create, the listing with pa_…last 4, scopes
// and expiry and never the secret's first characters, bad options refused with exit 2 and nothing written.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";

const bin = join(process.cwd(), "bin", "patterns.mjs");

describe(`patterns token on ${testDialect()}`, () => {
  let db: TestDb;
  const run = (args: string[]) => spawnSync(process.execPath, [bin, "token", ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: db.url } });

  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db?.destroy());

  it("creates a token with scopes and an expiry, and lists it by its last 4 characters", () => {
    const created = run(["create", "nightly", "--scope", "jobs,read", "--expires", "30d", "--json"]);
    expect(created.status, created.stderr).toBe(0);
    const made = JSON.parse(created.stdout) as { token: string; hint: string; scopes: string[]; expiresAt: string };
    expect(made.hint).toBe(`pa_…${made.token.slice(-4)}`);
    expect(made.scopes).toEqual(["read", "jobs"]);
    const days = (Date.parse(made.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    expect(run(["create", "agent"]).status).toBe(0);
    const list = run(["list", "--json"]);
    expect(list.stdout).not.toContain(made.token.slice(0, 10));
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ name: "agent", scopes: ["ingest", "read"], expiresAt: null, status: "active" }),
      expect.objectContaining({ name: "nightly", hint: made.hint, scopes: ["read", "jobs"], expiresAt: made.expiresAt, status: "active" }),
    ]);
    const text = run(["list"]).stdout;
    expect(text).toMatch(new RegExp(`^nightly\\s+pa_…${made.token.slice(-4).replace(/[-_]/g, "\\$&")}\\s+read,jobs\\s+active, expires ${made.expiresAt.slice(0, 10)}`, "m"));
    expect(text).toMatch(/^agent\s+pa_…\S{4}\s+ingest,read\s+active, no expiry/m);
  });

  it.each([
    [["--scope", "admin"], /scopes\.0: a scope is one of ingest, read, jobs/],
    [["--scope", ""], /scopes: choose at least one scope/],
    [["--expires", "soon"], /expires: give a duration \(30d, 12h, 2w\)/],
    [["--expires", "2001-01-01"], /expires: that is not in the future/],
  ])("refuses %j with exit 2 and one line, writing nothing", async (options, message) => {
    const before = await db.prisma.apiToken.count();
    const r = run(["create", "refused", ...options]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(await db.prisma.apiToken.count()).toBe(before);
  });
});
