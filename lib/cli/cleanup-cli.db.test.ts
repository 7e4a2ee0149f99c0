// `patterns cleanup` and `patterns unarchive` as a user runs them: a real process against a real database.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXECUTIONS_CURSOR } from "../analysis/run";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { ingestEvents } from "../telemetry/ingest";

const dialect = testDialect();
const bin = join(process.cwd(), "bin", "patterns.mjs");
const DAY = 86_400_000;

describe(`patterns cleanup on ${dialect}`, () => {
  let db: TestDb;
  const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: db.url } });

  beforeAll(async () => {
    db = await createTestDb();
    const now = Date.now();
    const events = [200, 150, 120, 100, 5].map((d) => ({ id: `run-${d}`, patternId: d === 5 ? "p-live" : "p-gone", operation: "op", startedAt: new Date(now - d * DAY).toISOString(), durationMs: 10, success: true }));
    expect(await ingestEvents(db, events)).toMatchObject({ ok: true, accepted: 5 });
    await db.prisma.pattern.updateMany({ data: { createdAt: new Date(now - 300 * DAY) } });
    await db.prisma.cursor.create({ data: { name: EXECUTIONS_CURSOR, position: 5 } });
  });
  afterAll(async () => db?.destroy());

  it("prints the summary as one JSON document and archives what went unused", async () => {
    const r = run(["cleanup", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ retentionDays: 90, executionsDeleted: 4, daysFolded: 4, keptUnanalysed: 0, patternsArchived: 1, archived: [{ id: "p-gone", name: "p-gone" }] });
    expect((await db.prisma.execution.findMany({ select: { id: true } })).map((e) => e.id)).toEqual(["run-5"]);
    expect((await db.prisma.pattern.findUniqueOrThrow({ where: { id: "p-gone" } })).status).toBe("archived");

    const text = run(["cleanup"]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain("deleted 0 executions");
    expect(text.stdout).toContain("no pattern to archive");
  });

  it("restores an archived pattern, recorded; a second restore fails with one line", async () => {
    const ok = run(["unarchive", "p-gone", "--reason", "needed for the audit", "--by", "lee"]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe("p-gone restored: active again\n");
    expect((await db.prisma.pattern.findUniqueOrThrow({ where: { id: "p-gone" } })).status).toBe("active");
    expect(await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "pattern.unarchive" } })).toMatchObject({ actor: "lee", targetId: "p-gone", reason: "needed for the audit" });

    const again = run(["unarchive", "p-gone", "--reason", "again", "--by", "lee"]);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe('patterns: pattern "p-gone" is active, not archived (already restored?)\n');
    expect(run(["unarchive", "p-gone"]).status).toBe(2);
  });
});
