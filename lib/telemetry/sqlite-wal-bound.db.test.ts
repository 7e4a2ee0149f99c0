// The API's SQLite writer keeps its WAL file bounded (request-writer-worker.ts, wal-checkpointer-worker.ts):
// under a sustained load the writer starts the WAL over past its bound (before, a writer committing back to
// back grew it without end: 6 GB in bench:load's 60 s), and once the writer is quiet the checkpointer cuts a
// large file to nothing. SQLite only: PostgreSQL's WAL is the server's own.
import { existsSync, statSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { toRow, type ExecutionRow } from "./normalize";
import { RequestWriter } from "./request-writer";

const NOW = Date.parse("2026-11-20T12:00:00Z");
const MiB = 1024 * 1024;

/** One request's events: scattered ids and patterns, so every group touches many pages of the indexes. */
function request(k: number): ExecutionRow[] {
  return Array.from({ length: 200 }, (_, j) => {
    const i = k * 200 + j;
    return toRow(
      {
        id: `wal-${(i * 7919) % 1_000_003}-${i}`,
        patternId: `wal-pattern-${i % 97}`,
        operation: `op-${i % 13}`,
        inputs: { name: "x".repeat(200), i },
        startedAt: new Date(NOW - ((i * 104_729) % 86_400_000)).toISOString(),
        durationMs: i % 1000,
        success: i % 7 !== 0,
        ...(i % 7 === 0 ? { error: { type: "Error", message: `failed at step ${i}` } } : {}),
        source: `ci-${i % 5}`,
      },
      NOW,
    );
  });
}

const walSize = (file: string) => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);

describe.runIf(testDialect() === "sqlite")("the SQLite writer's WAL file stays bounded", () => {
  let db: TestDb | undefined;
  let writer: RequestWriter | undefined;
  afterEach(async () => {
    await writer?.close();
    await db?.destroy();
    writer = db = undefined;
  });

  it("under writes back to back the WAL stops growing near its bound, and every event is stored", async () => {
    db = await createTestDb("sqlite");
    const file = db.config.dialect === "sqlite" ? db.config.file : "";
    writer = new RequestWriter(file, { restartBytes: 4 * MiB, truncateAboveBytes: 1024 * MiB });
    let largest = 0;
    let accepted = 0;
    // 8 requests in flight at a time, so the writer commits group after group with no pause between
    for (let round = 0; round < 12; round++) {
      const answers = await Promise.all(Array.from({ length: 8 }, (_, k) => writer!.store(request(round * 8 + k), "token:test")));
      accepted += answers.reduce((n, a) => n + a.accepted, 0);
      largest = Math.max(largest, walSize(file));
    }
    expect(accepted).toBe(96 * 200);
    expect(await db.prisma.execution.count()).toBe(96 * 200);
    // without the restart the file reached 60+ MiB here; a group's pages may pass the bound before the restart
    expect(largest).toBeGreaterThan(4 * MiB);
    expect(largest).toBeLessThan(16 * MiB);
  });

  it("once the writer is quiet, a WAL file left larger than the cut is cut to nothing", async () => {
    db = await createTestDb("sqlite");
    const file = db.config.dialect === "sqlite" ? db.config.file : "";
    writer = new RequestWriter(file, { restartBytes: 1024 * MiB, truncateAboveBytes: 2 * MiB });
    for (let k = 0; k < 8; k++) await writer.store(request(k), "token:test");
    expect(walSize(file)).toBeGreaterThan(2 * MiB);
    // the checkpointer's rounds are 500 ms apart: two quiet rounds, then the cut
    const deadline = Date.now() + 5000;
    while (walSize(file) > 0 && Date.now() < deadline) await sleep(100);
    expect(walSize(file)).toBe(0);
    expect(await db.prisma.execution.count()).toBe(8 * 200);
  });
});
