// `patterns mcp`: the MCP tools over stdio for an agent on this machine (its MCP client starts this
// command). It runs as the local user, who could open the database anyway, so every tool is allowed;
// stdout carries only the protocol, anything else goes to stderr.
import { userInfo } from "node:os";
import type { Command } from "commander";
import { openCliDb } from "../context";

export function registerMcp(program: Command): void {
  program
    .command("mcp")
    .description("serve the MCP tools (suggest_patterns, lookup_fix, pattern_status, record_execution) over stdio")
    .action(async () => {
      // loaded here, not with the CLI: the SDK takes about half a second to import, which no other command should pay
      const [{ StdioServerTransport }, { createMcpServer }] = await Promise.all([import("@modelcontextprotocol/sdk/server/stdio.js"), import("../../mcp/server")]);
      const db = await openCliDb();
      const server = createMcpServer(db, { kind: "local", user: process.env.USER || userInfo().username });
      const transport = new StdioServerTransport();
      const closed = new Promise<void>((resolve) => {
        transport.onclose = () => resolve();
        process.stdin.once("end", () => resolve());
      });
      await server.connect(transport);
      process.stderr.write("patterns mcp: serving on stdio (close stdin to stop)\n");
      await closed;
      await server.close();
      await db.close();
    });
}
