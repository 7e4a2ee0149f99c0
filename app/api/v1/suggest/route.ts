// POST /api/v1/suggest: for a context { operation, inputs?, files?, error? }, the matching active
// patterns (with their uses and success rate) and learned fixes, best first (AUTO-006). Bearer token with
// the read scope, JSON body.
import { handleErrors, jsonError, readBodyText } from "@/lib/api/respond";
import { authenticateToken } from "@/lib/api/token-auth";
import { getDb } from "@/lib/db/client";
import { withPatternRecords } from "@/lib/queries/patterns/get-pattern-records";
import { getSuggestions } from "@/lib/queries/suggest/get-suggestions";
import { fieldErrors, suggestContextSchema } from "@/lib/schemas/suggest";
import { bodyFormatFor } from "@/lib/telemetry/parse-body";
import { otherMethods } from "@/lib/api/methods";

// The largest valid context (16 KiB inputs, 16 KiB error, 1000 paths of 1 KiB) with room for JSON escaping.
const BODY_LIMIT = 2 * 1024 * 1024;

export const POST = handleErrors(async (request: Request): Promise<Response> => {
  const db = getDb();
  const auth = await authenticateToken(db, request, "read");
  if ("response" in auth) return auth.response;
  if (bodyFormatFor(request.headers.get("content-type")) !== "json") return jsonError(415, "unsupported_media_type", "send the context as Content-Type: application/json");
  const text = await readBodyText(request, BODY_LIMIT);
  if (text === null) return jsonError(413, "too_large", `the body is larger than ${BODY_LIMIT} bytes`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return jsonError(400, "invalid_json", "the body is not valid JSON", { errors: [{ path: "", message: "not valid JSON" }] });
  }
  const parsed = suggestContextSchema.safeParse(body);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    const first = errors[0]!;
    const message = `${first.path ? `${first.path}: ` : ""}${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ""}`;
    return jsonError(400, "invalid_context", message, { errors });
  }
  return Response.json(await withPatternRecords(db, await getSuggestions(db, parsed.data)));
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["POST"]);
