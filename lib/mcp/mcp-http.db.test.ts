// /api/mcp over real HTTP with the SDK's streamable HTTP client: the shared tool checks, a request
// without a valid token refused before any tool runs, and the token's name recorded as the actor.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveRoutes, type TestServer } from "../api/test-server";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { createToken } from "../mutations/create-token";
import { describeToolChecks } from "./mcp-client-checks";
import { getPatternStatus } from "../queries/patterns/get-pattern-status";
import { FIXTURE_NOW, seedMcpFixture, type McpFixture } from "./mcp-fixture";

async function connect(url: string, authorization?: string): Promise<Client> {
  const client = new Client({ name: "mcp-http-test", version: "1.0.0" });
  const headers: Record<string, string> = authorization ? { authorization } : {};
  await client.connect(new StreamableHTTPClientTransport(new URL(`${url}/api/mcp`), { requestInit: { headers } }));
  return client;
}

describe(`MCP over streamable HTTP (/api/mcp) on ${testDialect()}`, () => {
  let db: TestDb;
  let server: TestServer;
  let fixture: McpFixture;
  let client: Client;
  let token: string;

  beforeAll(async () => {
    db = await createTestDb();
    fixture = await seedMcpFixture(db);
    process.env.DATABASE_URL = db.url;
    const route = await import("../../app/api/mcp/route");
    server = await serveRoutes({ "/api/mcp": { POST: route.POST, GET: route.GET } });
    token = (await createToken(db, "agent-http")).secret;
    client = await connect(server.url, `Bearer ${token}`);
  }, 120_000);
  afterAll(async () => {
    await client?.close();
    await server?.close();
    await (globalThis as { patternsDb?: { close: () => Promise<void> } }).patternsDb?.close();
    (globalThis as { patternsDb?: unknown }).patternsDb = undefined;
    await db?.destroy();
  });

  describeToolChecks({ client: () => client, fixture: () => fixture, db: () => db, actor: () => "http" });

  it("pattern_status's recent window counts the runs of the last 30 days, with the interval", async () => {
    const s = (await getPatternStatus(db, "healthy-1", FIXTURE_NOW))!;
    const metrics = await db.prisma.patternMetricDaily.aggregate({ where: { patternId: "healthy-1", day: { gte: "2026-02-03" } }, _sum: { executions: true, successes: true } });
    expect(s.recent).toMatchObject({ days: 30, runs: metrics._sum.executions, successes: metrics._sum.successes });
    expect(s.recent.runs).toBeGreaterThan(0);
    expect(s.recent.interval!.low).toBeLessThanOrEqual(s.recent.successRate!);
  });

  it("refuses a request without a valid token, and writes nothing", async () => {
    const before = await db.prisma.execution.count();
    await expect(connect(server.url)).rejects.toThrow(/401|unauthorized|valid API token/i);
    await expect(connect(server.url, "Bearer pa_not-a-token")).rejects.toThrow(/401|unauthorized|valid API token/i);
    const raw = await fetch(`${server.url}/api/mcp`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "record_execution", arguments: { operation: "x", startedAt: "2026-03-04T11:00:00Z", durationMs: 1, success: true } } }),
    });
    expect(raw.status).toBe(401);
    expect(await raw.json()).toMatchObject({ error: { code: "unauthorized" } });
    expect(await db.prisma.execution.count()).toBe(before);
  });

  it("records what a token sends under the token's name, and answers GET with 405", async () => {
    await client.callTool({ name: "record_execution", arguments: { id: "mcp-actor-1", patternId: "brand-new-pattern", operation: "probe", startedAt: "2026-03-04T11:00:00Z", durationMs: 1, success: true } });
    const registered = await db.prisma.auditEvent.findFirst({ where: { targetId: "brand-new-pattern" } });
    expect(registered?.actor).toBe("token:agent-http");
    const get = await fetch(`${server.url}/api/mcp`, { headers: { authorization: `Bearer ${token}` } });
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("OPTIONS, POST");
  });

  it("holds a token to its scopes: read-only may look up but not record; without read it cannot connect", async () => {
    const before = await db.prisma.execution.count();
    const reader = await connect(server.url, `Bearer ${(await createToken(db, { name: "agent-read-only", scopes: ["read"] })).secret}`);
    try {
      expect((await reader.callTool({ name: "pattern_status", arguments: { patternId: "healthy-1" } })).isError).toBeFalsy();
      const refused = reader.callTool({ name: "record_execution", arguments: { id: "mcp-read-only-1", operation: "probe", startedAt: "2026-03-04T11:00:00Z", durationMs: 1, success: true } });
      await expect(refused.then((r) => (r.isError ? Promise.reject(new Error(JSON.stringify(r.content))) : r))).rejects.toThrow(/ingest/);
    } finally {
      await reader.close();
    }
    expect(await db.prisma.execution.count()).toBe(before);
    await expect(connect(server.url, `Bearer ${(await createToken(db, { name: "agent-ingest-only", scopes: ["ingest"] })).secret}`)).rejects.toThrow(/403|insufficient_scope|read/i);
  });
});
