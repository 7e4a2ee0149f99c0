// The Settings page's writes, shared with the CLI: one setting changed (before, after and why in the
// audit log), API tokens made and revoked by a named person; a refused input writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TokenError, verifyBearer } from "../auth/tokens";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { InputError } from "../schemas/parse-input";
import { getSettings } from "../schemas/settings";
import { createToken } from "./create-token";
import { revokeToken } from "./revoke-token";
import { SettingError, updateSetting } from "./update-setting";

describe(`settings and tokens on ${testDialect()}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db?.destroy());

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
    expect(made.secret.startsWith(made.prefix)).toBe(true);
    expect(await verifyBearer(db, `Bearer ${made.secret}`)).toBe("agent-1");
    // only the hash is stored: the secret appears nowhere in the database
    const stored = await db.prisma.apiToken.findUniqueOrThrow({ where: { name: "agent-1" } });
    expect(JSON.stringify(stored)).not.toContain(made.secret);
    expect(stored.createdBy).toBe("ana@example.com");
    await expect(createToken(db, "agent-1", "bo@example.com")).rejects.toThrow(TokenError);

    await revokeToken(db, "agent-1", "bo@example.com");
    expect(await verifyBearer(db, `Bearer ${made.secret}`)).toBeNull();
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
});
