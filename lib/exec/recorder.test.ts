// Recording through the spool against a real HTTP server: order kept, a refused event filed as a dead
// letter without blocking the others, nothing lost while the server is away.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ExecutionEvent } from "../telemetry/event-schema";
import { record } from "./recorder";
import { remoteDeliver } from "./remote-delivery";
import { addToSpool, listSpool, type SpoolConfig } from "./spool";
import { fakeClock, startStubServer, type StubServer } from "./test-stub-server";

const ev = (id: string): ExecutionEvent => ({ id, operation: "op", startedAt: "2026-11-25T06:00:00Z", durationMs: 1, success: true });
const ids = (bodies: unknown[]) => bodies.map((b) => (b as ExecutionEvent[])[0]!.id);
let root: string;
let config: SpoolConfig;
let stub: StubServer | undefined;
const warnings: string[] = [];
const warn = (line: string) => warnings.push(line);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "pa-record-"));
  config = { dir: join(root, "spool"), maxEvents: 100, maxBytes: 1 << 20 };
  warnings.length = 0;
});
afterEach(async () => {
  await stub?.close();
  stub = undefined;
  rmSync(root, { recursive: true, force: true });
});

describe("record", () => {
  it("sends the spool in order, files a 400 as a dead letter, retries a 503 after Retry-After, then the new event", async () => {
    for (const id of ["s1", "s2-bad", "s3"]) addToSpool(ev(id), config, warn);
    let s3Tries = 0;
    stub = await startStubServer([], (body) => {
      const id = (body as ExecutionEvent[])[0]!.id;
      if (id === "s2-bad") return { status: 400, body: { error: { code: "invalid_events", message: "event 0, field operation: must not be empty" } } };
      if (id === "s3" && s3Tries++ === 0) return { status: 503, headers: { "retry-after": "3" }, body: { error: { code: "busy", message: "database busy" } } };
      return { status: 200, body: { accepted: 1, duplicates: 0 } };
    });
    const clock = fakeClock();
    const outcome = await record(ev("new"), remoteDeliver(stub.url, "pa_x", { clock }), config, warn);

    expect(ids(stub.received)).toEqual(["s1", "s2-bad", "s3", "s3", "new"]);
    expect(clock.sleeps).toEqual([5_000]); // the back-off step is longer than Retry-After: 3
    expect(outcome.fate).toEqual({ kind: "delivered" });
    expect(outcome.replayed).toBe(2);
    expect(outcome.replay.deadLetters).toEqual([{ file: expect.stringMatching(/dead-letter\/.+\.json$/), ids: ["s2-bad"], reason: "refused with 400: event 0, field operation: must not be empty" }]);
    expect(JSON.parse(readFileSync(outcome.replay.deadLetters[0]!.file, "utf8"))).toEqual([ev("s2-bad")]);
    expect(listSpool(config.dir)).toEqual([]);
  });

  it("files the new event itself as a dead letter when the server refuses it", async () => {
    stub = await startStubServer([{ status: 422, body: { error: { code: "invalid_events", message: "no" } } }]);
    const outcome = await record(ev("mine"), remoteDeliver(stub.url, "pa_x", { clock: fakeClock() }), config, warn);
    expect(outcome.fate).toMatchObject({ kind: "dead-letter", file: expect.stringContaining("dead-letter"), reason: "refused with 422: no" });
    expect(stub.received).toHaveLength(1);
  });

  it("keeps the new event behind the older ones while the server stays away, and sends all in order later", async () => {
    addToSpool(ev("old"), config, warn);
    stub = await startStubServer([], () => ({ status: 503 }));
    const away = await record(ev("new"), remoteDeliver(stub.url, "pa_x", { clock: fakeClock() }), config, warn);
    expect(away.fate).toMatchObject({ kind: "spooled", reason: expect.stringContaining("gave up after") });
    expect(ids(stub.received).every((id) => id === "old")).toBe(true); // the new one never overtook
    await stub.close();

    stub = await startStubServer([]);
    const back = await record(ev("newer"), remoteDeliver(stub.url, "pa_x", { clock: fakeClock() }), config, warn);
    expect(back.fate).toEqual({ kind: "delivered" });
    expect(ids(stub.received)).toEqual(["old", "new", "newer"]);
  });

  it("tells an event whose id the server already held (a re-used --id) from a delivered one, spooled or new", async () => {
    addToSpool(ev("old-again"), config, warn);
    stub = await startStubServer([], (body) => ({ status: 200, body: { accepted: 0, duplicates: ["old-again", "again"].includes((body as ExecutionEvent[])[0]!.id!) ? 1 : 0 } }));
    const outcome = await record(ev("again"), remoteDeliver(stub.url, "pa_x", { clock: fakeClock() }), config, warn);
    expect(outcome.fate).toEqual({ kind: "duplicate" });
    expect(outcome.replay.alreadyRecorded).toEqual([
      { file: expect.any(String), ids: ["old-again"], duplicates: 1 },
      { file: expect.any(String), ids: ["again"], duplicates: 1 },
    ]);
    expect(listSpool(config.dir)).toEqual([]);
  });

  it("still delivers when the spool folder cannot be written", async () => {
    writeFileSync(join(root, "not-a-folder"), "");
    config.dir = join(root, "not-a-folder", "spool");
    stub = await startStubServer([]);
    const outcome = await record(ev("direct"), remoteDeliver(stub.url, "pa_x", { clock: fakeClock() }), config, warn);
    expect(outcome.fate).toEqual({ kind: "delivered" });
    expect(warnings[0]).toContain("is not writable");
  });
});
