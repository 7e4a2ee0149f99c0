// POST /api/v1/executions: telemetry in (DESIGN.md "Ingestion"). Bearer token; one event, a JSON
// array or NDJSON; all or nothing per request; { accepted, duplicates }. The token needs the ingest scope.
// A database that is busy, locked, read-only, full or unreachable answers 503 with Retry-After in under a
// second (the store runs off the request thread with a bounded wait; lib/telemetry/store.ts), and never a
// 5xx for bad input.
import { eventErrors, handleErrors, jsonError, readRequestBody } from "@/lib/api/respond";
import { authenticateToken } from "@/lib/api/token-auth";
import { getDb } from "@/lib/db/client";
import { LIMITS } from "@/lib/telemetry/event-schema";
import { ingestText } from "@/lib/telemetry/ingest";
import { bodyFormatFor } from "@/lib/telemetry/parse-body";
import { otherMethods } from "@/lib/api/methods";

export const POST = handleErrors(async (request: Request): Promise<Response> => {
  const db = getDb();
  const auth = await authenticateToken(db, request, "ingest");
  if ("response" in auth) return auth.response;
  const format = bodyFormatFor(request.headers.get("content-type"));
  if (!format) {
    return jsonError(415, "unsupported_media_type", "send Content-Type: application/json (one event or an array) or application/x-ndjson, in UTF-8");
  }
  const body = await readRequestBody(request, LIMITS.bytesPerRequest);
  if (!body.ok) return body.response;
  const outcome = await ingestText(db, body.text, format, { actor: `token:${auth.actor}`, background: true });
  if (!outcome.ok) return eventErrors(outcome.reason === "too_many" ? 413 : 400, outcome.errors, outcome.totalErrors);
  return Response.json({ accepted: outcome.accepted, duplicates: outcome.duplicates });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["POST"]);
