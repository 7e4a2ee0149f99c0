// A database the CLI cannot migrate: the message names which database it was (DATABASE_URL or PATTERNS_HOME
// may point elsewhere than the user thinks), on SQLite and PostgreSQL, and never shows its password.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "../db/config";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { runCli } from "./run-cli";

const dialect = testDialect();

describe(`a migration that fails on ${dialect}`, () => {
  let db: TestDb;
  let cwd: string;
  let url: string;
  let location: string;

  beforeAll(async () => {
    db = await createTestDb();
    cwd = mkdtempSync(join(tmpdir(), "pa-migrate-cli-"));
    // the database is ahead of this code: its latest migration is one the code does not know
    const [latest] = await db.prisma.$queryRaw<Array<{ name: string }>>`SELECT "migration_name" AS "name" FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1`;
    await db.prisma.$executeRaw`UPDATE "_prisma_migrations" SET "migration_name" = '29990101000000_from_the_future' WHERE "migration_name" = ${latest!.name}`;
    const parsed = new URL(db.url);
    // a password the server does not ask for (trust) still must not be printed
    if (dialect === "postgresql" && !parsed.password) parsed.password = "hunter2";
    url = dialect === "postgresql" ? parsed.toString() : db.url;
    const config = parseDatabaseUrl(url);
    location = config.dialect === "sqlite" ? config.file : `postgresql://${config.connection.user}@${config.connection.host}:${config.connection.port}/${config.connection.database}`;
  });
  afterAll(async () => {
    await db?.destroy();
    rmSync(cwd, { recursive: true, force: true });
  });

  it.each([[["token", "list"]], [["db", "migrate"]]])("patterns %j names the database it was migrating", async (args) => {
    const r = await runCli(args, { cwd, env: { DATABASE_URL: url } });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`patterns: migrating ${location}: the database has migration "29990101000000_from_the_future" applied, which is not in prisma/migrations/${dialect}: it is ahead of this code (upgrade the code, or use another database)\n`);
    const password = new URL(url).password;
    if (password) expect(r.stderr).not.toContain(password);
  });
});
