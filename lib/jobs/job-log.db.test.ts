// A job run's log lines carry its ids (job and run), from the start line to the end line, including what its
// handler logs; a failure is logged at error level with the reason.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { logger, makeLogger, replaceLogger } from "../log/logger";
import { analyzeJob } from "./definitions/analyze";
import { startJob } from "./start-job";

const dialect = testDialect();

describe(`job run logs on ${dialect}`, () => {
  let db: TestDb;
  const lines: Array<Record<string, unknown>> = [];
  let restore: () => void;
  beforeAll(async () => {
    db = await createTestDb();
    const destination = new Writable({
      write(chunk, _e, done) {
        for (const l of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
        done();
      },
    });
    restore = replaceLogger(makeLogger({ destination }));
  });
  afterAll(async () => {
    restore();
    await db?.destroy();
  });

  it("logs the start and the end of a run with its run id, and the handler's lines with it too", async () => {
    const start = await startJob(db, "analyze", {
      trigger: "cli",
      definition: { ...analyzeJob, run: async () => (logger().info("inside the handler"), { message: "did it", details: { analysisRunId: "run_x" } }) },
    });
    if (!start.started) throw new Error("did not start");
    await start.done;
    const mine = lines.filter((l) => l.jobRunId === start.runId);
    expect(mine.map((l) => l.msg)).toEqual(["job started", "inside the handler", "job finished"]);
    expect(mine.every((l) => l.jobId === "analyze")).toBe(true);
    expect(mine[2]).toMatchObject({ level: "info", status: "succeeded", analysisRunId: "run_x", message: "did it", ms: expect.any(Number) });
  });

  it("logs a failed run at error level with its reason", async () => {
    const start = await startJob(db, "analyze", { trigger: "cli", definition: { ...analyzeJob, run: async () => Promise.reject(new Error("the disk is full")) } });
    if (!start.started) throw new Error("did not start");
    await start.done;
    expect(lines.filter((l) => l.jobRunId === start.runId).at(-1)).toMatchObject({ level: "error", msg: "job failed", status: "failed", error: "failed: the disk is full" });
  });
});
