// Who is calling the MCP tools, and the one place that decides what they may do. Over HTTP the caller
// is an API token; over stdio it is the local user who started `patterns mcp`, who could open the
// database directly anyway and so may do everything.
import { McpError, ErrorCode } from "@modelcontextprotocol/sdk/types.js";

/** What a tool needs: `read` to look things up, `ingest` to record telemetry (DESIGN.md token scopes). */
export type McpScope = "read" | "ingest";

export type McpPrincipal =
  | { kind: "token"; name: string; /** the token's scopes (lib/api/token-auth.ts); absent only in tests that build a principal by hand */ scopes?: readonly McpScope[] }
  | { kind: "local"; user: string };

/** The actor written to the audit log and the ingest path for what this principal records. */
export function actorOf(principal: McpPrincipal): string {
  return principal.kind === "token" ? `token:${principal.name}` : `mcp:${principal.user}`;
}

/**
 * Throws a JSON-RPC error unless the principal may use a tool or resource that needs `scope`. Every
 * tool and resource handler calls this first; the transport has already refused a missing or invalid
 * token, so a token principal here is a valid one.
 */
export function authorizeTool(principal: McpPrincipal, scope: McpScope): void {
  if (principal.kind === "local") return;
  if (principal.scopes && !principal.scopes.includes(scope)) {
    throw new McpError(ErrorCode.InvalidRequest, `the token "${principal.name}" lacks the "${scope}" scope this needs; create a token with it (patterns token create)`);
  }
}

/** The principal of a request the API token check let through, held by authorizeTool to its token's scopes. */
export function tokenPrincipal(auth: { actor: string; scopes?: readonly string[] }): McpPrincipal {
  return { kind: "token", name: auth.actor, scopes: auth.scopes?.filter((s): s is McpScope => s === "read" || s === "ingest") };
}
