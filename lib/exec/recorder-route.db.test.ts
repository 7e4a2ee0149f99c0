// The exec client against the real ingestion route over HTTP and a real database: a spooled event the
// route refuses becomes a dead letter and the others are stored in order; a refused token keeps them all.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveRoutesOnTestDb, type RouteFixture } from "../api/route-fixture";
import type { TestServer } from "../api/test-server";
import { testDialect, type TestDb } from "../db/test-db";
import type { ExecutionEvent } from "../telemetry/event-schema";
import { record } from "./recorder";
import { remoteDeliver } from "./remote-delivery";
import { addToSpool, listSpool, type SpoolConfig } from "./spool";
import { fakeClock } from "./test-stub-server";

const dialect = testDialect();
const ev = (id: string, operation = "op"): ExecutionEvent => ({ id, operation, startedAt: new Date().toISOString(), durationMs: 1, success: true });

describe(`exec delivery to POST /api/v1/executions on ${dialect}`, () => {
  let db: TestDb;
  let server: TestServer;
  let token: string;
  let api: RouteFixture | undefined;
  let root: string;
  const warnings: string[] = [];

  beforeAll(async () => {
    ({ db, server, token } = api = await serveRoutesOnTestDb("exec-client", async () => {
      const route = await import("../../app/api/v1/executions/route");
      return { "/api/v1/executions": { POST: route.POST } };
    }));
    root = mkdtempSync(join(tmpdir(), "pa-exec-route-"));
  });
  afterAll(async () => {
    await api?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("keeps everything in the spool while the token is refused, then stores all but the invalid one", async () => {
    const config: SpoolConfig = { dir: join(root, "spool"), maxEvents: 100, maxBytes: 1 << 20 };
    for (const e of [ev("r-1"), ev("r-2", ""), ev("r-3")]) addToSpool(e, config, (w) => warnings.push(w));

    const wrong = await record(ev("r-4"), remoteDeliver(server.url, "pa_not-a-token", { clock: fakeClock() }), config, (w) => warnings.push(w));
    expect(wrong.fate).toMatchObject({ kind: "spooled", reason: expect.stringContaining("answered 401") });
    expect(listSpool(config.dir)).toHaveLength(4);
    expect(await db.prisma.execution.count()).toBe(0);

    const right = await record(ev("r-5"), remoteDeliver(server.url, token, { clock: fakeClock() }), config, (w) => warnings.push(w));
    expect(right.fate).toEqual({ kind: "delivered" });
    expect(right.replay.deadLetters).toEqual([expect.objectContaining({ ids: ["r-2"], reason: expect.stringMatching(/^refused with 400: .*operation/) })]);
    const stored = await db.prisma.execution.findMany({ select: { id: true } });
    expect(stored.map((r) => r.id).sort()).toEqual(["r-1", "r-3", "r-4", "r-5"]);
    expect(listSpool(config.dir)).toEqual([]);
  });
});
