// Upgrading a database made before tokens had scopes: a token created then keeps working (with ingest and
// read, no expiry), and the first 10 characters of its secret, which the old code stored as its "prefix" and
// wrote into the token.create audit event, are gone from both.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken, lookupToken } from "../auth/tokens";
import { getTokens } from "../queries/tokens/get-tokens";
import { openDb, type DbHandle } from "./client";
import { migrate, migrationsDir, readLocalMigrations } from "./migrate";
import { packageRoot } from "./paths";
import { tempPostgres, tempSqlite, type TempDatabase } from "./testing";
import { testDialect } from "./test-db";

const dialect = testDialect();
const UPGRADE = "token_scopes_expiry";
const secret = `pa_${"Q".repeat(39)}wxyz`;

describe(`upgrading API tokens to scopes and expiry on ${dialect}`, () => {
  let temp: TempDatabase;
  let oldRoot: string;
  let db: DbHandle;

  beforeAll(async () => {
    // a copy of the project as it was before the upgrade: every migration up to the one before it
    oldRoot = mkdtempSync(join(tmpdir(), "pa-old-root-"));
    cpSync(join(packageRoot(), "prisma"), join(oldRoot, "prisma"), { recursive: true });
    const upgrade = readLocalMigrations(dialect).find((m) => m.name.endsWith(`_${UPGRADE}`))!;
    for (const later of readLocalMigrations(dialect).filter((m) => m.name >= upgrade.name)) rmSync(join(migrationsDir(dialect, oldRoot), later.name), { recursive: true });
    temp = dialect === "sqlite" ? tempSqlite() : await tempPostgres();
    await migrate(temp.config, oldRoot);

    // what the old createToken wrote
    const old = openDb(temp.config);
    const at = new Date("2026-11-01T10:00:00Z");
    await old.prisma.$executeRaw`INSERT INTO "api_tokens" ("id", "name", "prefix", "tokenHash", "createdBy", "createdAt") VALUES ('tok_old', 'old-agent', ${secret.slice(0, 10)}, ${hashToken(secret)}, 'cli', ${at})`;
    const details = JSON.stringify({ after: { prefix: secret.slice(0, 10) } });
    await old.prisma.$executeRaw`INSERT INTO "audit_events" ("id", "at", "actor", "action", "targetType", "targetId", "details") VALUES ('aud_old', ${at}, 'cli', 'token.create', 'api_token', 'old-agent', ${details})`;
    await old.close();

    await migrate(temp.config);
    db = openDb(temp.config);
  });
  afterAll(async () => {
    await db?.close();
    await temp?.drop();
    rmSync(oldRoot, { recursive: true, force: true });
  });

  it("the old token still works, with ingest and read and no expiry", async () => {
    expect(await lookupToken(db, `Bearer ${secret}`)).toMatchObject({ ok: true, token: { name: "old-agent", scopes: ["ingest", "read"], expiresAt: null } });
    expect(await getTokens(db)).toEqual([expect.objectContaining({ name: "old-agent", hint: "pa_…", scopes: ["ingest", "read"], status: "active" })]);
  });

  it("no stored row holds the secret's first characters any more", async () => {
    const leaked = secret.slice(3, 10);
    expect(JSON.stringify(await db.prisma.apiToken.findMany())).not.toContain(leaked);
    const event = await db.prisma.auditEvent.findUniqueOrThrow({ where: { id: "aud_old" } });
    expect(event.details).not.toContain(leaked);
    expect(JSON.parse(event.details)).toEqual({ after: { prefix: "pa_" } });
  });
});
