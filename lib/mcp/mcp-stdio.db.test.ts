// `patterns mcp` over stdio, the way an agent's MCP client runs it: the built CLI spawned as a child
// process, the SDK's stdio client on its stdin and stdout. The same checks as over HTTP, as the local user.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { describeToolChecks } from "./mcp-client-checks";
import { seedMcpFixture, type McpFixture } from "./mcp-fixture";

const bin = join(__dirname, "..", "..", "bin", "patterns.mjs");
const USER = "mcp-stdio-test";

describe(`patterns mcp over stdio on ${testDialect()}`, () => {
  let db: TestDb;
  let fixture: McpFixture;
  let client: Client;
  const stderr: string[] = [];

  beforeAll(async () => {
    db = await createTestDb();
    fixture = await seedMcpFixture(db);
    const transport = new StdioClientTransport({ command: process.execPath, args: [bin, "mcp"], env: { ...process.env, DATABASE_URL: db.url, USER } as Record<string, string>, stderr: "pipe" });
    transport.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
    client = new Client({ name: "mcp-stdio-test", version: "1.0.0" });
    await client.connect(transport);
  }, 120_000);
  afterAll(async () => {
    await client?.close();
    await db?.destroy();
  });

  describeToolChecks({ client: () => client, fixture: () => fixture, db: () => db, actor: () => "stdio" });

  it("records as the local user, keeps stdout for the protocol and says so on stderr", async () => {
    await client.callTool({ name: "record_execution", arguments: { id: "stdio-actor-1", patternId: "stdio-pattern", operation: "probe", startedAt: "2026-03-04T11:00:00Z", durationMs: 1, success: true } });
    expect((await db.prisma.auditEvent.findFirst({ where: { targetId: "stdio-pattern" } }))?.actor).toBe(`mcp:${USER}`);
    expect(stderr.join("")).toMatch(/patterns mcp: serving on stdio/);
  });

  it("exits by itself, status 0, when its client closes stdin", async () => {
    const child = spawn(process.execPath, [bin, "mcp"], { env: { ...process.env, DATABASE_URL: db.url }, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    const code = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } } })}\n`);
    await new Promise((resolve) => child.stdout.once("data", resolve));
    child.stdin.end();
    expect(await code).toBe(0);
    // every line on stdout is a JSON-RPC message
    for (const line of out.trim().split("\n")) expect(JSON.parse(line)).toMatchObject({ jsonrpc: "2.0" });
  }, 30_000);
});
