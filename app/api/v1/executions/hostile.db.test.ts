import fc from "fast-check";
import { gzipSync } from "node:zlib";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveRoutesOnTestDb, type RouteFixture } from "@/lib/api/route-fixture";
import type { TestServer } from "@/lib/api/test-server";
import { testDialect, type TestDb } from "@/lib/db/test-db";
import { FIVE_MB, hostileEventText, nestedText } from "@/lib/telemetry/hostile-events";

// The fuzzer of issue 12 §3 against the real route over real HTTP: hostile events and hostile bytes are
// answered with a 4xx (never a 5xx), a request is stored whole or not at all, and an answer never
// repeats what was sent (no raw bytes, no 5 MB echo).
const dialect = testDialect();
const ok = (id: string) => ({ id, operation: "op", startedAt: new Date(Date.now() - 60_000).toISOString(), durationMs: 5, success: true });

describe(`hostile input to POST /api/v1/executions on ${dialect}`, () => {
  let db: TestDb;
  let server: TestServer;
  let token: string;
  let api: RouteFixture | undefined;
  const post = (body: string | Uint8Array, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/v1/executions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
      body: body as BodyInit,
    });
  const count = () => db.prisma.execution.count();

  beforeAll(async () => {
    ({ db, server, token } = api = await serveRoutesOnTestDb("fuzz", async () => {
      // as `npm start` serves it: headers first, the body read from the socket (lib/api/node-http.ts)
      const { ingestExecutions } = await import("@/lib/api/ingest-executions");
      return { "/api/v1/executions": { POST: { direct: ingestExecutions } } };
    }));
  });
  afterAll(async () => api?.close());

  it("property: hostile events get a 4xx or are stored whole; never a 5xx, never a partial write", async () => {
    let n = 0;
    const ids = fc.constant(null).map(() => `fz-${n++}`);
    const body = fc.tuple(fc.array(hostileEventText(ids), { minLength: 1, maxLength: 3 }), fc.constantFrom("array", "single", "ndjson"));
    let stored = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(body, async ([events, shape]) => {
        const text = shape === "ndjson" ? events.join("\n") : shape === "single" ? events[0]! : `[${events.join(",")}]`;
        const sent = shape === "single" ? 1 : events.length;
        const before = await count();
        const res = await post(text, shape === "ndjson" ? { "content-type": "application/x-ndjson" } : {});
        const answer = await res.text();
        expect(res.status, answer.slice(0, 300)).toBeLessThan(500);
        expect(answer.length).toBeLessThan(64 * 1024); // nothing sent comes back whole
        const after = await count();
        if (res.status === 200) {
          const { accepted, duplicates } = JSON.parse(answer) as { accepted: number; duplicates: number };
          expect(accepted + duplicates).toBe(sent);
          expect(after - before).toBe(accepted);
          stored++;
        } else {
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(after).toBe(before);
          refused++;
        }
      }),
      { numRuns: 250 },
    );
    expect(stored).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  }, 300_000);

  it.each([
    ["inputs nested 10,000 deep", `[${JSON.stringify(ok("deep-1")).slice(0, -1)},"inputs":{"d":${nestedText(10_000, "array")}}}]`, 400, "nested more than 32 levels"],
    ["a body nested 10,000 deep", nestedText(10_000, "array"), 400, "must be a JSON object"],
    ["a 5 MB operation", JSON.stringify({ ...ok("big-1"), operation: FIVE_MB }), 400, "at most 200 characters"],
    ["a 5 MB unknown key", `{${JSON.stringify(FIVE_MB)}:1,${JSON.stringify(ok("big-2")).slice(1)}`, 400, "unknown field"],
    ["a NUL in the operation", JSON.stringify({ ...ok("nul-1"), operation: "a\u0000b" }), 400, "one line of text"],
    ["a lone surrogate in the id", `{"id":"lone-\\ud800",${JSON.stringify(ok("x")).slice(1).replace('"id":"x",', "")}`, 400, "unpaired surrogates"],
    ["a __proto__ key on the event", `{"__proto__":{"admin":true},${JSON.stringify(ok("proto-1")).slice(1)}`, 400, "unknown field: __proto__"],
    ["a constructor key in inputs", JSON.stringify({ ...ok("ctor-1"), inputs: { constructor: { prototype: 1 } } }), 200, ""],
    ["a date in 1999", JSON.stringify({ ...ok("old-1"), startedAt: "1999-06-01T00:00:00Z" }), 400, "on or after 2000-01-01"],
    ["a date in 2099", JSON.stringify({ ...ok("new-1"), startedAt: "2099-06-01T00:00:00Z" }), 400, "more than a day ahead"],
    ["a duration of 1e400", JSON.stringify(ok("inf-1")).replace('"durationMs":5', '"durationMs":1e400'), 400, "durationMs"],
    ["a duration past 32 bits", JSON.stringify({ ...ok("big-d"), durationMs: 2 ** 31 }), 400, "at most"],
  ])("%s", async (_name, text, status, message) => {
    const before = await count();
    const res = await post(text);
    const answer = await res.text();
    expect(res.status, answer.slice(0, 300)).toBe(status);
    if (message) expect(answer).toContain(message);
    expect(answer.length).toBeLessThan(64 * 1024);
    expect(await count()).toBe(before + (status === 200 ? 1 : 0));
  });

  it("a gzip body answers 415 and repeats none of its bytes; so does an unknown content type or charset", async () => {
    const zipped = gzipSync(JSON.stringify([ok("gz-1")]));
    const before = await count();
    for (const [body, headers] of [
      [zipped, { "content-encoding": "gzip" }],
      [zipped, {}],
      [JSON.stringify(ok("ct-1")), { "content-type": "text/plain" }],
      [JSON.stringify(ok("ct-2")), { "content-type": "application/json; charset=latin1" }],
      [JSON.stringify(ok("ct-3")), { "content-type": "multipart/form-data; boundary=x" }],
    ] as Array<[string | Uint8Array, Record<string, string>]>) {
      const res = await post(body, headers);
      const answer = await res.text();
      expect(res.status).toBe(415);
      expect(answer).not.toContain(Buffer.from(zipped.subarray(0, 4)).toString("latin1"));
      expect(answer).not.toMatch(/\\u001f|\\u008b|\ufffd/);
    }
    expect(await count()).toBe(before);
  });

  it("property: arbitrary bytes get a 4xx that does not repeat them, and store nothing", async () => {
    const before = await count();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 400 }), fc.constantFrom("application/json", "application/x-ndjson"), async (bytes, type) => {
        const res = await post(bytes, { "content-type": type });
        const answer = await res.text();
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        const probe = Buffer.from(bytes).toString("latin1");
        if (probe.length >= 12 && /[^\x20-\x7e]/.test(probe.slice(0, 12))) expect(answer).not.toContain(probe.slice(0, 12));
      }),
      { numRuns: 300 },
    );
    expect(await count()).toBe(before);
  });

  it("a body cut off before its declared length stores nothing and gets no 5xx", async () => {
    const before = await count();
    const body = JSON.stringify([ok("cut-1"), ok("cut-2")]);
    const { host, port } = new URL(server.url);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), host, () => {
        socket.write(`POST /api/v1/executions HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${body.length + 500}\r\n\r\n`);
        socket.end(body); // half-close: the rest never comes
      });
      let data = "";
      socket.on("data", (d) => (data += d.toString()));
      socket.on("close", () => resolve(data));
      socket.on("error", () => resolve(data));
    });
    if (answer) expect(answer).toMatch(/^HTTP\/1\.1 4\d\d/);
    await new Promise((r) => setTimeout(r, 300));
    expect(await count()).toBe(before);
    expect(await db.prisma.execution.count({ where: { id: { in: ["cut-1", "cut-2"] } } })).toBe(0);
  });
});
