// One MCP server definition for both transports: `patterns mcp` (stdio, the local user) and
// /api/mcp (streamable HTTP, an API token). A server is made per principal, so every tool and
// resource knows who asks.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import type { DbHandle } from "../db/client";
import type { McpPrincipal } from "./authorize";
import { registerResources } from "./resources";
import { registerTools } from "./tools";

export const SERVER_INFO = { name: "pattern-automation", version: "0.1.0" } as const;

const INSTRUCTIONS = [
  "Pattern Automation watches automation runs and learns from them.",
  "Before a task, call suggest_patterns with the operation you are about to run; before running a pattern, pattern_status tells whether it is quarantined or degrading.",
  "When a command fails, call lookup_fix with its error message; after you retry, record_execution with retryOf and fix so the fix is learned.",
].join(" ");

// Each server would build its own JSON Schema validator (a new Ajv, ~1 ms); one shared by all is enough:
// it only checks what a client answers to server requests, which these tools never make.
let validator: AjvJsonSchemaValidator | undefined;

export function createMcpServer(db: DbHandle, principal: McpPrincipal): McpServer {
  const server = new McpServer(SERVER_INFO, { instructions: INSTRUCTIONS, capabilities: { tools: {}, resources: {} }, jsonSchemaValidator: (validator ??= new AjvJsonSchemaValidator()) });
  registerTools(server, db, principal);
  registerResources(server, db, principal);
  return server;
}
