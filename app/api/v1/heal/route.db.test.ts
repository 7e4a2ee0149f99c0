import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveRoutesOnTestDb, type RouteFixture } from "@/lib/api/route-fixture";
import type { TestServer } from "@/lib/api/test-server";
import { testDialect, type TestDb } from "@/lib/db/test-db";
import { errorSignature, signatureKey } from "@/lib/signature";

const TIMEOUT = "Timeout after <*> waiting for <*>";
const SIMILAR = "Timeout after <*> waiting on cache db";

describe(`GET /api/v1/heal over HTTP on ${testDialect()}`, () => {
  let db: TestDb;
  let server: TestServer;
  let token: string;
  let api: RouteFixture | undefined;
  const get = (query: string, auth = `Bearer ${token}`) => fetch(`${server.url}/api/v1/heal${query}`, { headers: { authorization: auth } });

  beforeAll(async () => {
    ({ db, server, token } = api = await serveRoutesOnTestDb("heal-test", async () => {
      const route = await import("./route");
      return { "/api/v1/heal": { GET: route.GET } };
    }));
    const signature = errorSignature("ECONNREFUSED connect 10.0.0.7:5432");
    const base = { signatureKey: signatureKey(signature), signature, lastSeenAt: new Date(), updatedAt: new Date() };
    await db.prisma.errorPattern.createMany({
      data: [
        { id: "f1", fix: "flush-dns", attempts: 6, successes: 2, ...base },
        { id: "f2", fix: "restart-db", attempts: 20, successes: 19, autoApply: true, ...base },
        // issue 13: learned from messages whose last word varied, so the last word became a placeholder
        { id: "f4", fix: "warm-cache", attempts: 5, successes: 4, signatureKey: signatureKey(SIMILAR), signature: SIMILAR, lastSeenAt: new Date(), updatedAt: new Date() },
        { id: "f3", fix: "raise-timeout", attempts: 29, successes: 29, autoApply: true, signatureKey: signatureKey(TIMEOUT), signature: TIMEOUT, lastSeenAt: new Date(), updatedAt: new Date() },
      ],
    });
  });
  afterAll(async () => api?.close());

  it("answers the fixes for a message never seen verbatim, best first, with the interval", async () => {
    const res = await get(`?error=${encodeURIComponent("ECONNREFUSED connect 192.168.4.2:6432")}`);
    expect(res.status).toBe(200);
    const fixes = (await res.json()) as Array<{ fix: string; autoApply: boolean; successRate: number; interval: { low: number; high: number } }>;
    expect(fixes.map((f) => f.fix)).toEqual(["restart-db", "flush-dns"]);
    expect(fixes[0]).toMatchObject({ autoApply: true, successRate: 0.95 });
    expect(fixes[0]!.interval.low).toBeLessThan(0.95);
  });

  it("finds the nearest learned signature when the message's own has no fix, and says how near", async () => {
    const message = "Timeout after 30s waiting for db";
    expect(errorSignature(message)).not.toBe(TIMEOUT);
    const fixes = (await (await get(`?error=${encodeURIComponent(message)}`)).json()) as Array<Record<string, unknown>>;
    expect(fixes).toHaveLength(1);
    expect(fixes[0]).toMatchObject({ fix: "raise-timeout", signature: TIMEOUT, attempts: 29, successes: 29, match: "fits", similarity: 1, autoApply: true });
    expect(fixes[0]!.how).toMatch(/the message fits this signature/);
    // the exact signature's fixes carry match "exact"
    const exact = (await (await get(`?error=${encodeURIComponent("ECONNREFUSED connect 10.1.1.1:5432")}`)).json()) as Array<Record<string, unknown>>;
    expect(exact.map((f) => f.match)).toEqual(["exact", "exact"]);
  });

  it("brings merely similar signatures only when neither the message's own nor one it fits is learned", async () => {
    const fits = (await (await get(`?error=${encodeURIComponent("Timeout after 30s waiting for db")}`)).json()) as Array<Record<string, unknown>>;
    expect(fits.map((f) => f.fix)).toEqual(["raise-timeout"]);
    const similar = (await (await get(`?error=${encodeURIComponent("Timeout after 30s waiting on cache queue")}`)).json()) as Array<Record<string, unknown>>;
    // both learned signatures are similar to it ("waiting on", not "waiting for"): the nearer first
    expect(similar.map((f) => [f.fix, f.match])).toEqual([["warm-cache", "similar"], ["raise-timeout", "similar"]]);
    expect(similar[0]).toMatchObject({ fix: "warm-cache", match: "similar", how: "6 of 7 words agree" });
    expect(similar[0]!.similarity).toBeCloseTo(12 / 14, 3);
    expect(similar[0]!.reason).toMatch(/learned for "Timeout after <\*> waiting on cache db" \(6 of 7 words agree\)/);
  });

  it("answers [] for an unknown error, 400 without one, 401 without a token", async () => {
    expect(await (await get("?error=something%20new")).json()).toEqual([]);
    expect((await get("")).status).toBe(400);
    expect((await get("?error=x", "Bearer pa_nope")).status).toBe(401);
  });
});
