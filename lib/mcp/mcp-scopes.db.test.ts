// Token scopes over MCP: a read-only token may look things up but not record, an ingest-only token may
// record but not look up, the local user (stdio) may do both; a refusal writes nothing. The server is
// reached through the SDK's in-memory transport, so the principal can be set as the HTTP route sets it.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { afterAll, beforeAll, describe, expect, it, test } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { authorizeTool, tokenPrincipal, type McpPrincipal, type McpScope } from "./authorize";
import { call, textOf } from "./mcp-client-checks";
import { createMcpServer } from "./server";

const EVENT = { operation: "probe", startedAt: "2026-03-04T11:00:00Z", durationMs: 1, success: true };

describe("authorizeTool", () => {
  test.each<[McpPrincipal, McpScope, boolean]>([
    [{ kind: "local", user: "me" }, "ingest", true],
    [tokenPrincipal({ actor: "legacy" }), "ingest", true], // tokens without scopes: every valid token may do all (today)
    [tokenPrincipal({ actor: "ro", scopes: ["read"] }), "read", true],
    [tokenPrincipal({ actor: "ro", scopes: ["read"] }), "ingest", false],
    [tokenPrincipal({ actor: "in", scopes: ["ingest"] }), "read", false],
    [tokenPrincipal({ actor: "odd", scopes: ["admin"] }), "read", false],
  ])("%j needs %s → allowed %s", (principal, scope, allowed) => {
    if (allowed) expect(() => authorizeTool(principal, scope)).not.toThrow();
    else expect(() => authorizeTool(principal, scope)).toThrow(new RegExp(`lacks the "${scope}" scope`));
  });
});

describe(`MCP tools under token scopes on ${testDialect()}`, () => {
  let db: TestDb;
  const clients: Client[] = [];
  async function connectAs(principal: McpPrincipal): Promise<Client> {
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await createMcpServer(db, principal).connect(serverSide);
    const client = new Client({ name: "scope-test", version: "1.0.0" });
    await client.connect(clientSide);
    clients.push(client);
    return client;
  }
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => {
    for (const c of clients) await c.close();
    await db?.destroy();
  });

  it("refuses record_execution to a read-only token and writes nothing, but answers its lookups", async () => {
    const client = await connectAs(tokenPrincipal({ actor: "agent-ro", scopes: ["read"] }));
    const r = await call(client, "record_execution", EVENT);
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/the token "agent-ro" lacks the "ingest" scope/);
    expect(await db.prisma.execution.count()).toBe(0);
    expect((await call(client, "lookup_fix", { error: "boom" })).isError).toBeFalsy();
  });

  it("refuses lookups and resources to an ingest-only token, and lets it record", async () => {
    const client = await connectAs(tokenPrincipal({ actor: "agent-in", scopes: ["ingest"] }));
    expect(textOf(await call(client, "lookup_fix", { error: "boom" }))).toMatch(/lacks the "read" scope/);
    await expect(client.listResources()).rejects.toThrow(/lacks the "read" scope/);
    expect((await call(client, "record_execution", { ...EVENT, id: "scoped-1" })).isError).toBeFalsy();
    expect(await db.prisma.execution.count({ where: { id: "scoped-1" } })).toBe(1);
  });

  it("lets the local user (stdio) record, as mcp:<user>", async () => {
    const client = await connectAs({ kind: "local", user: "dev" });
    const r = await call(client, "record_execution", { ...EVENT, id: "local-1", patternId: "local-pattern" });
    expect(r.isError).toBeFalsy();
    expect((await db.prisma.auditEvent.findFirst({ where: { targetId: "local-pattern" } }))?.actor).toBe("mcp:dev");
  });
  // over real HTTP with real tokens: mcp-http.db.test.ts
});
