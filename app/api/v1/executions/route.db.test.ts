import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveRoutesOnTestDb, type RouteFixture } from "@/lib/api/route-fixture";
import type { TestServer } from "@/lib/api/test-server";
import { createToken } from "@/lib/mutations/create-token";
import { revokeToken } from "@/lib/mutations/revoke-token";
import { testDialect, type TestDb } from "@/lib/db/test-db";

const dialect = testDialect();
const event = (over: Record<string, unknown> = {}) => ({ operation: "op", startedAt: "2026-11-20T10:00:00Z", durationMs: 5, success: true, ...over });

describe(`POST /api/v1/executions over HTTP on ${dialect}`, () => {
  let db: TestDb;
  let server: TestServer;
  let token: string;
  let api: RouteFixture | undefined;
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/v1/executions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
      body,
    });
  const count = () => db.prisma.execution.count();

  beforeAll(async () => {
    ({ db, server, token } = api = await serveRoutesOnTestDb("ci", async () => {
      // as `npm start` serves it: headers first, the body read from the socket (lib/api/node-http.ts)
      const { ingestExecutions } = await import("@/lib/api/ingest-executions");
      return { "/api/v1/executions": { POST: { direct: ingestExecutions } } };
    }));
  });
  afterAll(async () => api?.close());

  it("stores one event, an array and NDJSON, answering { accepted, duplicates }", async () => {
    let res = await post(JSON.stringify(event({ id: "h1" })));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 0 });
    res = await post(JSON.stringify([event({ id: "h1" }), event({ id: "h2" })]));
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 1 });
    res = await post(`${JSON.stringify(event({ id: "h3" }))}\n${JSON.stringify(event({ id: "h4" }))}\n`, { "content-type": "application/x-ndjson" });
    expect(await res.json()).toEqual({ accepted: 2, duplicates: 0 });
  });

  it("answers 401 the same way for no token, a wrong token and a revoked token", async () => {
    const revoked = (await createToken(db, "old")).secret;
    await revokeToken(db, "old");
    const bodies = [];
    for (const auth of [undefined, "Bearer pa_wrong", `Bearer ${revoked}`, `Basic ${token}`]) {
      const res = await fetch(`${server.url}/api/v1/executions`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(auth ? { authorization: auth } : {}) },
        body: JSON.stringify(event()),
      });
      expect(res.status).toBe(401);
      bodies.push(await res.text());
    }
    expect(new Set(bodies).size).toBe(1);
  });

  it.each([
    ["a wrong content type", () => post(JSON.stringify(event()), { "content-type": "text/plain" }), 415],
    ["more than 10,000 events", () => post(JSON.stringify(Array.from({ length: 10_001 }, () => event()))), 413],
    ["more than 10 MiB", () => post(" ".repeat(10 * 1024 * 1024 + 10)), 413],
    ["an empty body", () => post(""), 400],
    ["invalid JSON", () => post('[{"operation":'), 400],
    ["a truncated NDJSON line", () => post(`${JSON.stringify(event())}\n{"operation":"x","sta`, { "content-type": "application/x-ndjson" }), 400],
  ])("refuses %s and writes nothing", async (_name, send, status) => {
    const before = await count();
    const res = await send();
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.message.length).toBeGreaterThan(0);
    expect(await count()).toBe(before);
  });

  it("names the event index and the field of an invalid event", async () => {
    const res = await post(JSON.stringify([event(), event(), event({ startedAt: "yesterday" })]));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ index: number; path: string }>; error: { message: string } };
    expect(body.errors[0]).toMatchObject({ index: 2, path: "startedAt" });
    expect(body.error.message).toContain("event 2, field startedAt");
  });

  it("property: generated malformed payloads never get a 5xx and never write", async () => {
    const before = await count();
    const malformed = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .record({ operation: fc.oneof(fc.string(), fc.integer()), startedAt: fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))), durationMs: fc.oneof(fc.double(), fc.integer({ max: -1 })), success: fc.jsonValue() }, { requiredKeys: [] })
        .map((o) => JSON.stringify([o])),
    );
    await fc.assert(
      fc.asyncProperty(malformed, fc.constantFrom("application/json", "application/x-ndjson"), async (body, type) => {
        const res = await post(body, { "content-type": type });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 400 },
    );
    // None of these can be valid (startedAt is never a full ISO date-time), so nothing may be stored.
    expect(await count()).toBe(before);
  });
});
