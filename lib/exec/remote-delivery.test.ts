// The exec client against a real HTTP server: what it retries, how long it pauses, when it gives up.
import { afterEach, describe, expect, it } from "vitest";
import type { ExecutionEvent } from "../telemetry/event-schema";
import { remoteDeliver } from "./remote-delivery";
import { RETRY } from "./retry-policy";
import { fakeClock, startStubServer, type Reply, type StubServer } from "./test-stub-server";

const event: ExecutionEvent = { id: "ev-1", operation: "build", startedAt: "2026-11-25T06:00:00Z", durationMs: 5, success: true };
let stub: StubServer | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function deliverWith(script: Reply[], opts: { requestTimeoutMs?: number } = {}) {
  stub = await startStubServer(script);
  const clock = fakeClock();
  const deliver = remoteDeliver(stub.url, "pa_test", { clock, ...opts });
  return { deliver, clock, stub };
}

describe("remoteDeliver", () => {
  it("waits as long as Retry-After says (seconds), then delivers", async () => {
    const { deliver, clock, stub } = await deliverWith([{ status: 503, headers: { "retry-after": "42" }, body: { error: { code: "busy", message: "database busy" } } }]);
    expect(await deliver([event])).toEqual({ kind: "delivered" });
    expect(clock.sleeps).toEqual([42_000]);
    expect(stub.received).toEqual([[event], [event]]);
  });

  it("reads Retry-After as an HTTP date", async () => {
    const at = new Date(Date.parse("2026-11-25T06:00:00Z") + 60_000).toUTCString();
    const { deliver, clock } = await deliverWith([{ status: 429, headers: { "retry-after": at } }]);
    expect(await deliver([event])).toEqual({ kind: "delivered" });
    expect(clock.sleeps).toEqual([60_000]);
  });

  it("backs off 5 s, 7.5 s, 11.25 s over 502, 504, 429 and a dropped connection", async () => {
    const { deliver, clock, stub } = await deliverWith([{ status: 502 }, { status: 504 }, { status: 429 }, "hang-up"]);
    expect(await deliver([event])).toEqual({ kind: "delivered" });
    expect(clock.sleeps).toEqual([5_000, 7_500, 11_250, 16_875]);
    expect(stub.received).toHaveLength(5);
  });

  it("never retries a 400: the event is refused with the server's reason", async () => {
    const { deliver, clock, stub } = await deliverWith([{ status: 400, body: { error: { code: "invalid_events", message: "event 0, field startedAt: \u001b[31mbad\u001b[0m date" } } }]);
    const result = await deliver([event]);
    expect(result).toMatchObject({ kind: "refused", status: 400, reason: expect.stringContaining("field startedAt:") });
    // the server's text is data: no terminal escape reaches the user's screen
    expect(JSON.stringify(result)).not.toContain("\\u001b");
    expect(clock.sleeps).toEqual([]);
    expect(stub.received).toHaveLength(1);
  });

  it("does not retry a refused token or a server error, and does not call them the event's fault", async () => {
    for (const status of [401, 404, 500]) {
      const { deliver, clock, stub } = await deliverWith([{ status }]);
      const result = await deliver([event]);
      expect(result.kind).toBe("deferred");
      expect(clock.sleeps).toEqual([]);
      expect(stub.received).toHaveLength(1);
      await stub.close();
    }
  });

  it("gives up after five minutes of 503, and later calls give up at once", async () => {
    const { deliver, clock, stub } = await deliverWith(Array.from({ length: 100 }, () => ({ status: 503 })));
    const result = await deliver([event]);
    expect(result).toMatchObject({ kind: "deferred", reason: expect.stringContaining("gave up after") });
    const waited = clock.sleeps.reduce((a, b) => a + b, 0);
    expect(waited).toBeLessThanOrEqual(RETRY.giveUpAfterMs);
    expect(waited).toBeGreaterThan(RETRY.giveUpAfterMs - RETRY.maxDelayMs);
    expect(Math.max(...clock.sleeps)).toBe(30_000);
    const requests = stub.received.length;
    expect(await deliver([event])).toMatchObject({ kind: "deferred" });
    expect(stub.received).toHaveLength(requests);
  });

  it("treats a server that does not answer in time as a network error and retries", async () => {
    const { deliver, clock } = await deliverWith(["silence"], { requestTimeoutMs: 200 });
    expect(await deliver([event])).toEqual({ kind: "delivered" });
    expect(clock.sleeps).toEqual([5_000]);
  });

  it("keeps the base path of PATTERNS_URL in front of the API's path (with or without a trailing slash)", async () => {
    stub = await startStubServer([]);
    for (const base of [`${stub.url}/patterns`, `${stub.url}/patterns/`]) expect(await remoteDeliver(base, "pa_test")([event])).toEqual({ kind: "delivered" });
    expect(await remoteDeliver(stub.url, "pa_test")([event])).toEqual({ kind: "delivered" });
    expect(stub.paths).toEqual(["/patterns/api/v1/executions", "/patterns/api/v1/executions", "/api/v1/executions"]);
  });

  it("passes on the server's count of events it already held, unless an earlier try may have stored them", async () => {
    const known = { status: 200, body: { accepted: 0, duplicates: 1 } };
    const { deliver } = await deliverWith([known]);
    expect(await deliver([event])).toEqual({ kind: "delivered", duplicates: 1 });
    await stub!.close();
    // the first try may have reached the server before the connection dropped: the duplicate is then ours
    const { deliver: again } = await deliverWith(["hang-up", known]);
    expect(await again([event])).toEqual({ kind: "delivered" });
  });

  it("does not follow a redirect (the token would go to another address)", async () => {
    const { deliver, stub } = await deliverWith([{ status: 308, headers: { location: "https://elsewhere.example/api/v1/executions" } }]);
    expect(await deliver([event])).toMatchObject({ kind: "deferred", reason: expect.stringContaining("elsewhere.example") });
    expect(stub.received).toHaveLength(1);
  });
});
