// The Settings page's writes, shared with the CLI: one setting changed (before, after and why in the
// audit log), API tokens made and revoked by a named person; a refused input writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lookupToken, TokenError } from "../auth/tokens";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { InputError } from "../schemas/parse-input";
import { getSettings } from "../schemas/settings";
import { getTokens } from "../queries/tokens/get-tokens";
import { createToken } from "./create-token";
import { revokeToken } from "./revoke-token";
import { SettingError, updateSetting } from "./update-setting";

describe(`settings and tokens on ${testDialect()}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db?.destroy());

  const nameOf = async (secret: string) => {
    const found = await lookupToken(db, `Bearer ${secret}`);
    return found.ok ? found.token.name : null;
  };
  const writes = async () => [await db.prisma.setting.count(), await db.prisma.auditEvent.count(), await db.prisma.apiToken.count()];

  it("changes a setting, recording who, the value before and after, and why", async () => {
    await updateSetting(db, "autoQuarantineFailureRate", "0.3", "ana@example.com", "catch it sooner");
    await updateSetting(db, "autoQuarantineFailureRate", "0.35", "bo@example.com");
    expect((await getSettings(db)).autoQuarantineFailureRate).toBe(0.35);
    const row = await db.prisma.setting.findUniqueOrThrow({ where: { key: "autoQuarantineFailureRate" } });
    expect(row).toMatchObject({ value: "0.35", updatedBy: "bo@example.com" });
    // (two writes can share a millisecond: ordered by the value they wrote)
    const events = await db.prisma.auditEvent.findMany({ where: { action: "setting.update" }, orderBy: { actor: "asc" } });
    expect(events.map((e) => [e.actor, e.targetId, e.reason, JSON.parse(e.details).before, JSON.parse(e.details).after])).toEqual([
      ["ana@example.com", "autoQuarantineFailureRate", "catch it sooner", 0.4, 0.3],
      ["bo@example.com", "autoQuarantineFailureRate", null, 0.3, 0.35],
    ]);
  });

  it.each([
    ["autoQuarantineFailureRate", "1.5", "autoQuarantineFailureRate", /too big|<=1|at most/i],
    ["minSimilarExecutions", "2.5", "minSimilarExecutions", /integer|int/i],
    ["aggressiveMode", "maybe", "aggressiveMode", /not true\/false/],
    ["reportSchedule", "30 25 * * 1", "reportSchedule", /is not a cron schedule/],
    ["noSuchSetting", "1", "key", /unknown setting/],
  ])("refuses %s = %j beside its field and writes nothing", async (key, value, field, message) => {
    const before = await writes();
    const error = await updateSetting(db, key, value, "ana@example.com").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).fieldErrors[field]?.[0]).toMatch(message);
    expect(await writes()).toEqual(before);
  });

  it("refuses a reason over 500 characters", async () => {
    const before = await writes();
    await expect(updateSetting(db, "retentionDays", "100", "ana@example.com", "x".repeat(501))).rejects.toThrow(/reason: at most 500/);
    expect(await writes()).toEqual(before);
    expect(SettingError.prototype).toBeInstanceOf(InputError);
  });

  it("makes a token its creator is recorded for, which works until revoked by someone named", async () => {
    const made = await createToken(db, "agent-1", "ana@example.com");
    expect(made.hint).toBe(`pa_…${made.secret.slice(-4)}`);
    expect(await nameOf(made.secret)).toBe("agent-1");
    // only the hash is stored: the secret appears nowhere in the database, nor its first characters
    const stored = await db.prisma.apiToken.findUniqueOrThrow({ where: { name: "agent-1" } });
    expect(JSON.stringify(stored)).not.toContain(made.secret);
    expect(JSON.stringify(stored)).not.toContain(made.secret.slice(0, 7));
    expect(JSON.stringify(await db.prisma.auditEvent.findMany())).not.toContain(made.secret.slice(0, 7));
    expect(stored).toMatchObject({ createdBy: "ana@example.com", prefix: "pa_", scopes: "ingest,read", expiresAt: null });
    await expect(createToken(db, "agent-1", "bo@example.com")).rejects.toThrow(TokenError);

    await revokeToken(db, "agent-1", "bo@example.com");
    expect(await nameOf(made.secret)).toBeNull();
    await expect(revokeToken(db, "agent-1", "bo@example.com")).rejects.toThrow(/no active token named "agent-1"/);
    const events = await db.prisma.auditEvent.findMany({ where: { targetType: "api_token" }, orderBy: { action: "asc" } });
    expect(events.map((e) => [e.action, e.actor, e.targetId])).toEqual([
      ["token.create", "ana@example.com", "agent-1"],
      ["token.revoke", "bo@example.com", "agent-1"],
    ]);
    // a revoked token's name may be used again
    expect((await createToken(db, "agent-1", "ana@example.com")).name).toBe("agent-1");
  });

  it.each([[""], ["has space"], ["-leading-dash"], ["x".repeat(65)]])("refuses the token name %j and writes nothing", async (name) => {
    const before = await writes();
    const error = await createToken(db, name, "ana@example.com").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).fieldErrors.name).toBeDefined();
    expect(await writes()).toEqual(before);
  });
  it("keeps the scopes and expiry asked for; an expired token is refused and listed as expired", async () => {
    const now = new Date("2027-01-10T12:00:00Z");
    const made = await createToken(db, { name: "cron-1", scopes: ["jobs", "read", "jobs"], expires: "2027-01-12" }, "ana@example.com", now);
    expect(made).toMatchObject({ scopes: ["read", "jobs"], expiresAt: new Date("2027-01-13T00:00:00Z") });
    const before = await lookupToken(db, `Bearer ${made.secret}`, new Date("2027-01-12T23:59:59Z"));
    expect(before).toMatchObject({ ok: true, token: { name: "cron-1", scopes: ["read", "jobs"] } });
    const after = await lookupToken(db, `Bearer ${made.secret}`, new Date("2027-01-13T00:00:00Z"));
    expect(after).toMatchObject({ ok: false, reason: "expired", expiresAt: new Date("2027-01-13T00:00:00Z") });
    const listed = (await getTokens(db, 100, new Date("2027-01-14T00:00:00Z"))).find((t) => t.name === "cron-1");
    expect(listed).toMatchObject({ hint: made.hint, scopes: ["read", "jobs"], status: "expired" });
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "token.create", targetId: "cron-1" } });
    expect(JSON.parse(event.details).after).toEqual({ hint: made.hint, scopes: ["read", "jobs"], expiresAt: "2027-01-13T00:00:00.000Z" });
  });

  it.each([
    [{ scopes: [] }, "scopes", /at least one scope/],
    [{ scopes: ["admin"] }, "scopes.0", /a scope is one of ingest, read, jobs/],
    [{ expires: "yesterday" }, "expires", /a duration \(30d, 12h, 2w\)/],
    [{ expires: "2027-02-30" }, "expires", /not a day of the calendar/],
    [{ expires: "2027-01-09" }, "expires", /not in the future/],
    [{ expires: "0d" }, "expires", /not in the future/],
    [{ expires: "4000d" }, "expires", /at most 3650 days/],
  ])("refuses %j beside its field and writes nothing", async (extra, field, message) => {
    const before = await writes();
    const error = await createToken(db, { name: "refused", ...extra }, "ana@example.com", new Date("2027-01-10T12:00:00Z")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).fieldErrors[field]?.[0]).toMatch(message);
    expect(await writes()).toEqual(before);
  });

  it.each([
    ["30d", "2027-02-09T12:00:00.000Z"],
    ["12h", "2027-01-11T00:00:00.000Z"],
    ["2w", "2027-01-24T12:00:00.000Z"],
    ["2027-03-31T18:00:00+02:00", "2027-03-31T16:00:00.000Z"],
  ])("reads the expiry %s", async (expires, at) => {
    const made = await createToken(db, { name: `exp-${expires.replace(/[^a-z0-9]/gi, "")}`, expires }, "ana@example.com", new Date("2027-01-10T12:00:00Z"));
    expect(made.expiresAt?.toISOString()).toBe(at);
  });
});
