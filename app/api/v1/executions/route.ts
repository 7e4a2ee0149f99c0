// POST /api/v1/executions: telemetry in (DESIGN.md "Ingestion"). Bearer token; one event, a JSON
// array or NDJSON; all or nothing per request; { accepted, duplicates }. The token needs the ingest scope.
import { eventErrors, handleErrors, jsonError, readBodyText } from "@/lib/api/respond";
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
    return jsonError(415, "unsupported_media_type", "send Content-Type: application/json (one event or an array) or application/x-ndjson");
  }
  const text = await readBodyText(request, LIMITS.bytesPerRequest);
  if (text === null) return jsonError(413, "too_large", `the body is larger than ${LIMITS.bytesPerRequest} bytes (10 MiB); split it into several requests`);
  const outcome = await ingestText(db, text, format, { actor: `token:${auth.actor}` });
  if (!outcome.ok) return eventErrors(outcome.reason === "too_many" ? 413 : 400, outcome.errors, outcome.totalErrors);
  return Response.json({ accepted: outcome.accepted, duplicates: outcome.duplicates });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["POST"]);
