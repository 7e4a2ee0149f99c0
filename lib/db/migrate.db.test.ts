import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffMigrationsToSchema, EMPTY_MIGRATION } from "./drift";
import { migrate, readLocalMigrations } from "./migrate";
import { tempPostgres, tempSqlite, type TempDatabase } from "./testing";
import { createTestDb, testDialect, type TestDb } from "./test-db";

const dialect = testDialect();

async function freshTemp(): Promise<TempDatabase> {
  return dialect === "sqlite" ? tempSqlite() : tempPostgres();
}

describe(`migrations on ${dialect}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db?.destroy());

  it("produce exactly schema.prisma: the diff from migrations to schema is empty", async () => {
    const temp = await freshTemp();
    try {
      expect(await diffMigrationsToSchema(temp.config)).toBe(EMPTY_MIGRATION);
    } finally {
      await temp.drop();
    }
  });

  it("apply nothing when run again", async () => {
    const again = await migrate(db.config);
    expect(again.applied).toEqual([]);
  });

  it("give a working client: a pattern and its execution round-trip with dates intact", async () => {
    const startedAt = new Date("2026-11-20T10:11:12.345Z");
    await db.prisma.pattern.create({ data: { id: "p1", name: "P one" } });
    await db.prisma.execution.create({
      data: { id: "e1", patternId: "p1", operation: "op", startedAt, durationMs: 5, success: true, receivedAt: startedAt },
    });
    const row = await db.prisma.execution.findUniqueOrThrow({ where: { id: "e1" }, include: { pattern: true } });
    expect(row.startedAt.toISOString()).toBe(startedAt.toISOString());
    expect(row.pattern?.name).toBe("P one");
  });

  it("hide secret columns by default", async () => {
    await db.prisma.apiToken.create({ data: { id: "t1", name: "ci", prefix: "pa_abc", tokenHash: "secret-hash" } });
    const token = await db.prisma.apiToken.findUniqueOrThrow({ where: { id: "t1" } });
    expect(token).not.toHaveProperty("tokenHash");
    expect(token.name).toBe("ci");
  });
});

describe(`migration history checks on ${dialect}`, () => {
  const newest = readLocalMigrations(dialect).at(-1)!.name;

  async function withMigrated(fn: (db: TestDb) => Promise<void>) {
    const db = await createTestDb();
    try {
      await fn(db);
    } finally {
      await db.destroy();
    }
  }

  it("refuse a database whose applied migration was edited, naming it", async () => {
    await withMigrated(async (db) => {
      await db.prisma.$executeRaw`UPDATE _prisma_migrations SET checksum = ${"0".repeat(64)} WHERE migration_name = ${newest}`;
      await expect(migrate(db.config)).rejects.toThrow(`migration "${newest}" was edited after it was applied`);
    });
  });

  it("refuse a database that is ahead of the code, naming the unknown migration", async () => {
    await withMigrated(async (db) => {
      await db.prisma.$executeRaw`INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES (${"x1"}, ${"abc"}, ${"29991231000000_from_the_future"}, ${new Date()}, ${new Date()}, ${1})`;
      await expect(migrate(db.config)).rejects.toThrow('"29991231000000_from_the_future" applied, which is not in prisma/migrations');
    });
  });
});
