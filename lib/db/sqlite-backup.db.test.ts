// `patterns db backup` / `restore` as a user runs them. SQLite: a backup taken while another process keeps
// ingesting is consistent and restores to exactly its counts; restore refuses what is not ours or is ahead
// of this code, and will not replace data without --force. PostgreSQL: both point to pg_dump/pg_restore.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestEvents } from "../telemetry/ingest";
import { createTestDb, testDialect, type TestDb } from "./test-db";

const dialect = testDialect();
const root = process.cwd();
const bin = join(root, "bin", "patterns.mjs");

function cli(args: string[], databaseUrl: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", timeout: 120_000, env: { ...process.env, DATABASE_URL: databaseUrl } as NodeJS.ProcessEnv });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const countIn = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return { executions: db.prepare("SELECT count(*) FROM executions").pluck().get() as number, patterns: db.prepare("SELECT count(*) FROM patterns").pluck().get() as number };
  } finally {
    db.close();
  }
};

describe.skipIf(dialect !== "sqlite")("SQLite backup and restore", () => {
  let db: TestDb;
  let dir: string;
  let backupFile: string;
  let backedUp: { executions: number; patterns: number };
  const SEEDED = 3000;

  beforeAll(async () => {
    db = await createTestDb("sqlite");
    dir = mkdtempSync(join(tmpdir(), "pa-backup-"));
    backupFile = join(dir, "backup.db");
    const events = Array.from({ length: SEEDED }, (_, i) => ({ id: `seed-${i}`, patternId: `p${i % 7}`, operation: "deploy", startedAt: "2026-11-20T10:00:00Z", durationMs: 5, success: i % 5 !== 0, ...(i % 5 === 0 ? { error: { message: `timeout after ${i} ms` } } : {}) }));
    expect((await ingestEvents(db, events)).ok).toBe(true);
  });
  afterAll(async () => {
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("backs up while another process writes: a consistent copy, and the writer loses nothing", async () => {
    const writer = spawn(join(root, "node_modules", ".bin", "tsx"), [join(root, "bench", "lib", "ingest-loop.ts"), "0"], { env: { ...process.env, DATABASE_URL: db.url }, stdio: ["pipe", "pipe", "inherit"] });
    let out = "";
    writer.stdout.on("data", (d) => (out += String(d)));
    await expect.poll(() => out.includes("ready"), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => countIn(db.config.dialect === "sqlite" ? db.config.file : "").executions, { timeout: 30_000 }).toBeGreaterThan(SEEDED + 500);

    const r = cli(["db", "backup", backupFile, "--json"], db.url);
    writer.stdin.write("stop\n");
    await new Promise((resolve) => writer.once("exit", resolve));
    const stats = JSON.parse(out.split("\n").filter(Boolean).at(-1)!) as { events: number };

    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout) as { executions: number; patterns: number; migration: string };
    backedUp = countIn(backupFile);
    expect(summary).toMatchObject(backedUp);
    expect(backedUp.executions).toBeGreaterThan(SEEDED + 500); // taken mid-stream
    expect(backedUp.executions).toBeLessThan(SEEDED + stats.events); // and the writer went on after it
    expect(countIn(db.config.dialect === "sqlite" ? db.config.file : "").executions).toBe(SEEDED + stats.events);
    const check = new Database(backupFile, { readonly: true });
    expect(check.prepare("PRAGMA integrity_check").pluck().get()).toBe("ok");
    check.close();
  }, 120_000);

  it("refuses to overwrite a file without --force", () => {
    const r = cli(["db", "backup", backupFile], db.url);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("already exists (use --force");
  });

  it("restores into an empty location with exactly the backup's counts, and the CLI reads them back", () => {
    const target = `file:${join(dir, "fresh", "patterns.db")}`;
    const r = cli(["db", "restore", backupFile, "--json"], target);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ...backedUp, replaced: null, applied: [] });
    expect(countIn(join(dir, "fresh", "patterns.db"))).toEqual(backedUp);
    const listed = cli(["list", "--json"], target);
    expect((JSON.parse(listed.stdout) as unknown[]).length).toBe(backedUp.patterns);
  });

  it("will not replace a database holding data without --force, and replaces it with it", () => {
    const live = db.config.dialect === "sqlite" ? db.config.file : "";
    const before = countIn(live);
    const refused = cli(["db", "restore", backupFile], db.url);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("add --force");
    expect(countIn(live)).toEqual(before);
    const forced = cli(["db", "restore", backupFile, "--force", "--json"], db.url);
    expect(forced.status).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ ...backedUp, replaced: before });
    expect(countIn(live)).toEqual(backedUp);
  });

  it.each([
    ["a file that is not a database", (f: string) => writeFileSync(f, "hello, not a database\n".repeat(200)), "is not a SQLite database"],
    ["another program's SQLite database", (f: string) => new Database(f).exec("CREATE TABLE notes (id INTEGER PRIMARY KEY)").close(), "is not a Pattern Automation database"],
    [
      "a backup ahead of this code in migrations",
      (f: string) => {
        copyFileSync(backupFile, f);
        const ahead = new Database(f);
        ahead.prepare("INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ('x', 'c', '29990101000000_from_the_future', 0, 1, 1)").run();
        ahead.close();
      },
      'migration "29990101000000_from_the_future" applied, which is not in prisma/migrations/sqlite: it is ahead of this code',
    ],
  ])("refuses %s and changes nothing", (_what, make, message) => {
    const file = join(dir, `bad-${Math.random().toString(36).slice(2)}.db`);
    make(file);
    const target = join(dir, "fresh", "patterns.db");
    const before = countIn(target);
    const r = cli(["db", "restore", file, "--force"], `file:${target}`);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(countIn(target)).toEqual(before);
  });
});

describe.skipIf(dialect !== "postgresql")("PostgreSQL backup and restore", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb("postgresql");
  });
  afterAll(async () => db?.destroy());

  it.each([["backup"], ["restore"]])("db %s points to pg_dump and pg_restore", (verb) => {
    const r = cli(["db", verb, join(tmpdir(), "never-written.dump")], db.url);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("pg_dump -Fc");
    expect(r.stderr).toContain("pg_restore");
  });
});
