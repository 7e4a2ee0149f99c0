// The API's SQLite writer keeps its WAL file bounded (request-writer-worker.ts, wal-checkpointer-worker.ts):
// under a sustained load the writer starts the WAL over past its bound (before, a writer committing back to
// back grew it without end: 6 GB in bench:load's 60 s), and once the writer is quiet the checkpointer cuts a
// large file to nothing. SQLite only: PostgreSQL's WAL is the server's own.
import { closeSync, openSync, readSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { toRow, type ExecutionRow } from "./normalize";
import { RequestWriter } from "./request-writer";
import { walFileBytes } from "./wal-file";

const NOW = Date.parse("2026-11-20T12:00:00Z");
const MiB = 1024 * 1024;

/** One request's events: scattered ids and patterns, so every group touches many pages of the indexes. */
function request(k: number, size = 200): ExecutionRow[] {
  return Array.from({ length: size }, (_, j) => {
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

/** The WAL header's checkpoint sequence (bytes 12–15, big-endian): SQLite adds one each time the WAL starts over. */
function walRestarts(file: string): number {
  const fd = openSync(`${file}-wal`, "r");
  try {
    const header = Buffer.alloc(16);
    readSync(fd, header, 0, 16, 0);
    return header.readUInt32BE(12);
  } finally {
    closeSync(fd);
  }
}

describe.runIf(testDialect() === "sqlite")("the SQLite writer's WAL file stays bounded", () => {
  let db: TestDb | undefined;
  let writer: RequestWriter | undefined;
  afterEach(async () => {
    await writer?.close();
    await db?.destroy();
    writer = db = undefined;
  });

  it("under writes back to back the WAL stops growing near its bound, restarting once per bound's worth, and every event is stored", async () => {
    db = await createTestDb("sqlite");
    const file = db.config.dialect === "sqlite" ? db.config.file : "";
    // no checkpointer round during the test: SQLite cannot start the WAL over on its own, so every restart counted
    // is the writer's
    writer = new RequestWriter(file, { checkpointEveryMs: 600_000, quietCheckpointEveryMs: 600_000, restartBytes: 4 * MiB, truncateAboveBytes: 1024 * MiB });
    await writer.store(request(1000), "token:test"); // the WAL exists from here
    const restartsBefore = walRestarts(file);
    let largest = 0;
    let accepted = 0;
    // one small request at a time: each its own group, committed back to back
    for (let k = 0; k < 240; k++) {
      accepted += (await writer.store(request(k, 40), "token:test")).accepted;
      largest = Math.max(largest, walFileBytes(file));
    }
    const restarts = walRestarts(file) - restartsBefore;
    expect(accepted).toBe(240 * 40);
    expect(await db.prisma.execution.count()).toBe(200 + 240 * 40);
    // without the restart all ~90 MiB would stay in the file; a group's pages may pass the bound before the restart
    expect(largest).toBeGreaterThan(4 * MiB);
    expect(largest).toBeLessThan(12 * MiB);
    // one restart per bound's worth of WAL, not one after every group once the file has reached the bound
    // (~23 here, from ~90 MiB of WAL; 220 when it restarted after every group)
    expect(restarts).toBeGreaterThanOrEqual(2);
    expect(restarts).toBeLessThanOrEqual(60);
  });

  it("once the writer is quiet, a WAL file left larger than the cut is cut to nothing", async () => {
    db = await createTestDb("sqlite");
    const file = db.config.dialect === "sqlite" ? db.config.file : "";
    writer = new RequestWriter(file, { checkpointEveryMs: 200, quietCheckpointEveryMs: 200, restartBytes: 1024 * MiB, truncateAboveBytes: 2 * MiB });
    await writer.store(request(1000), "token:test");
    // a reader inside a transaction keeps SQLite from starting the WAL over between the writes, however slowly
    // they come: the file must grow past the cut before the quiet moment
    const reader = new Database(file, { readonly: true });
    try {
      reader.exec("BEGIN");
      reader.prepare("SELECT count(*) FROM executions").get();
      for (let k = 0; k < 8; k++) await writer.store(request(k), "token:test");
      expect(walFileBytes(file)).toBeGreaterThan(2 * MiB);
      reader.exec("COMMIT");
    } finally {
      reader.close();
    }
    // a round that copies the rest, a quiet one, then the cut (rounds 200 ms apart here)
    const deadline = Date.now() + 5000;
    while (walFileBytes(file) > 0 && Date.now() < deadline) await sleep(100);
    expect(walFileBytes(file)).toBe(0);
    expect(await db.prisma.execution.count()).toBe(9 * 200);
  });
});
