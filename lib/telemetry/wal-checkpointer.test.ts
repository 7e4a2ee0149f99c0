// The WAL checkpointer thread (wal-checkpointer-worker.ts) on a real file: it must copy the WAL back into
// the database even when its connection was opened before the file went to WAL mode (the server starts it
// beside the writer thread, which may still be loading when the checkpointer's first round runs).
import Database from "better-sqlite3";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import { afterEach, expect, it } from "vitest";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it("copies the WAL back into the database file, also when it first met the file before WAL mode", async () => {
  const dir = mkdtempSync(join(tmpdir(), "pa-ckpt-"));
  dirs.push(dir);
  const file = join(dir, "t.db");
  const writer = new Database(file);
  writer.exec("CREATE TABLE t (v TEXT)"); // a rollback-journal file, as the schema engine leaves one
  const worker = new Worker(new URL("./wal-checkpointer-worker-source.mjs", import.meta.url), { workerData: { file, everyMs: 50 } });
  try {
    await sleep(500); // the checkpointer's first rounds meet the file in rollback-journal mode
    writer.pragma("journal_mode = WAL");
    writer.pragma("wal_autocheckpoint = 0"); // as the API's writer thread: checkpoints are the other thread's
    const before = statSync(file).size;
    const insert = writer.prepare("INSERT INTO t VALUES (?)");
    writer.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(`row ${i} ${"x".repeat(100)}`);
    })();
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(2_000_000);
    const deadline = Date.now() + 5000;
    while (statSync(file).size < before + 2_000_000 && Date.now() < deadline) await sleep(50);
    expect(statSync(file).size).toBeGreaterThanOrEqual(before + 2_000_000);
  } finally {
    worker.postMessage("close");
    await new Promise((resolve) => worker.once("exit", resolve));
    writer.close();
  }
});
