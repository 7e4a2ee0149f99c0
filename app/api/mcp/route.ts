// /api/mcp: the MCP tools (suggest_patterns, lookup_fix, pattern_status, record_execution) and
// resources over streamable HTTP for agents; Authorization: Bearer <API token>. See lib/mcp.
import { handleErrors } from "@/lib/api/respond";
import { getDb } from "@/lib/db/client";
import { handleMcpPost, mcpMethodNotAllowed } from "@/lib/mcp/http";

export const POST = handleErrors(async (request: Request) => handleMcpPost(getDb(), request));
export const GET = async () => mcpMethodNotAllowed();
export const DELETE = async () => mcpMethodNotAllowed();
