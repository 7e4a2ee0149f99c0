// /api/mcp: the MCP tools over streamable HTTP, stateless (every POST carries its own token and gets a
// fresh server, so any app instance can answer it), with plain JSON answers rather than event streams.
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { authenticateToken } from "../api/token-auth";
import { LIMITS } from "../telemetry/event-schema";
import type { DbHandle } from "../db/client";
import { tokenPrincipal } from "./authorize";
import { createMcpServer } from "./server";

/** A record_execution call may carry as much as one ingest request (10 MiB). */
export const MCP_BODY_LIMIT = LIMITS.bytesPerRequest;

export async function handleMcpPost(db: DbHandle, request: Request): Promise<Response> {
  // any tool needs `read`; record_execution also needs `ingest`, checked per call by authorizeTool
  const auth = await authenticateToken(db, request, "read");
  if ("response" in auth) return auth.response;
  const server = createMcpServer(db, tokenPrincipal({ actor: auth.actor, scopes: auth.token.scopes }));
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true, maxRequestBodySize: MCP_BODY_LIMIT });
  await server.connect(transport);
  try {
    // in JSON mode the response is complete when it resolves, so the server can be closed after it
    return await transport.handleRequest(request);
  } finally {
    await server.close();
  }
}

