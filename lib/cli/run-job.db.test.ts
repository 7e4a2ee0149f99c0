// `patterns run-job` as cron runs it: a real process, a real database, the run recorded like any other.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { tryAcquireLease } from "../analysis/lease";
import { jobLeaseName } from "../jobs/start-job";
import { ingestEvents } from "../telemetry/ingest";

const bin = join(process.cwd(), "bin", "patterns.mjs");

describe(`patterns run-job on ${testDialect()}`, () => {
  let db: TestDb;
  const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: db.url } });
  beforeAll(async () => {
    db = await createTestDb();
    const events = [1, 2].map((n) => ({ id: `rj-${n}`, operation: "op", startedAt: "2026-11-20T10:00:00Z", durationMs: 5, success: true }));
    expect((await ingestEvents(db, events)).ok).toBe(true);
  });
  afterAll(async () => db?.destroy());

  it("runs the analysis now, prints the run as JSON and records it", async () => {
    const r = run(["run-job", "analyze", "--json", "--by", "cron-box"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const printed = JSON.parse(r.stdout) as { id: string; status: string; details: { newExecutions: number; actor: string } };
    expect(printed).toMatchObject({ status: "succeeded", details: { newExecutions: 2, actor: "cron-box" } });
    expect(await db.prisma.jobRun.findUniqueOrThrow({ where: { id: printed.id } })).toMatchObject({ jobId: "analyze", trigger: "cli", status: "succeeded", scheduledFor: null });
    expect(run(["run-job", "analyze"]).stdout).toMatch(/^analyze succeeded in \d+\.\d s: analysed 0 new executions; nothing new found\n$/);
  });

  it("exits 1 with one line when the job is already running elsewhere, 2 for an unknown job", async () => {
    const lease = await tryAcquireLease(db, jobLeaseName("analyze"), 60_000, "elsewhere:1:1:abc");
    const busy = run(["run-job", "analyze"]);
    expect(busy.status).toBe(1);
    expect(busy.stderr.trim().split("\n")).toEqual([expect.stringContaining("job analyze is already running (elsewhere:1:1:abc)")]);
    await lease!.release();

    expect(run(["run-job", "nope"]).status).toBe(2);
  });
});
