// POST /api/v1/executions: telemetry in (DESIGN.md "Ingestion"). Bearer token; one event, a JSON
// array or NDJSON; all or nothing per request; { accepted, duplicates }. The token needs the ingest scope.
// A database that is busy, locked, read-only, full or unreachable answers 503 with Retry-After in under a
// second (the store runs off the request thread with a bounded wait; lib/telemetry/store.ts), and never a
// 5xx for bad input. The handler lives here, not in the route file, because it is reached two ways: by
// Next.js (app/api/v1/executions/route.ts) and straight from the production server (lib/server/web-server.ts),
// which hands it the headers first: the body is read only once the token and the content type pass.
import { eventErrors, handleErrors, jsonError, type BodySource } from "./respond";
import { authenticateToken } from "./token-auth";
import { getDb } from "../db/client";
import { LIMITS } from "../telemetry/event-schema";
import { ingestText } from "../telemetry/ingest";
import { bodyFormatFor } from "../telemetry/parse-body";

export const ingestExecutions = handleErrors(async (request: Request, body: BodySource): Promise<Response> => {
  const db = getDb();
  const auth = await authenticateToken(db, request, "ingest");
  if ("response" in auth) return auth.response;
  const format = bodyFormatFor(request.headers.get("content-type"));
  if (!format) {
    return jsonError(415, "unsupported_media_type", "send Content-Type: application/json (one event or an array) or application/x-ndjson, in UTF-8");
  }
  const read = await body(LIMITS.bytesPerRequest);
  if (!read.ok) return read.response;
  const outcome = await ingestText(db, read.text, format, { actor: `token:${auth.actor}`, background: true });
  if (!outcome.ok) return eventErrors(outcome.reason === "too_many" ? 413 : 400, outcome.errors, outcome.totalErrors);
  return Response.json({ accepted: outcome.accepted, duplicates: outcome.duplicates });
});
