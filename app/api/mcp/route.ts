// /api/mcp: the MCP tools (suggest_patterns, lookup_fix, pattern_status, record_execution) and
// resources over streamable HTTP for agents; Authorization: Bearer <API token>. See lib/mcp.
import { handleErrors } from "@/lib/api/respond";
import { getDb } from "@/lib/db/client";
import { otherMethods } from "@/lib/api/methods";
import { handleMcpPost } from "@/lib/mcp/http";

// stateless: no session stream (GET) and no session to end (DELETE); every other method answers 405 with Allow
export const POST = handleErrors(async (request: Request) => handleMcpPost(getDb(), request));
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["POST"]);
