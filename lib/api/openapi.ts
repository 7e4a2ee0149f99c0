// The OpenAPI document of the HTTP API, generated from the same zod schemas that validate requests.
import { z } from "zod";
import { suggestContextSchema } from "../schemas/suggest";
import { executionEventSchema, LIMITS } from "../telemetry/event-schema";

const errorEnvelope = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
  errors: z.array(z.object({ index: z.number().int(), path: z.string(), message: z.string() })).optional(),
  totalErrors: z.number().int().optional(),
});
const ingestResult = z.object({ accepted: z.number().int(), duplicates: z.number().int() });

function schema(s: z.ZodType) {
  return z.toJSONSchema(s, { target: "openapi-3.0", unrepresentable: "any" });
}

export function buildOpenApi(version: string) {
  const error = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
  // every token-checked route answers these (lib/api/token-auth.ts)
  const tokenErrors = (scope: string) => ({
    "401": error("missing, unknown, revoked or expired token (`token_expired` says when)"),
    "403": error(`the token lacks the \`${scope}\` scope (\`insufficient_scope\`)`),
    "429": error("too many failed token checks from this client, or too many requests for this token; wait `Retry-After` seconds"),
  });
  return {
    openapi: "3.0.3",
    info: {
      title: "Pattern Automation API",
      version,
      description: "Telemetry in, patterns out. Every request needs `Authorization: Bearer <token>` (create one with `patterns token create NAME [--scope ingest,read,jobs] [--expires 30d]`); each route names the scope it needs.",
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: { ExecutionEvent: schema(executionEventSchema), IngestResult: schema(ingestResult), Error: schema(errorEnvelope), SuggestContext: schema(suggestContextSchema) },
    },
    security: [{ bearer: [] }],
    paths: {
      "/api/v1/suggest": {
        post: {
          summary: "Rank the patterns (and, for an error, the learned fixes) that match a context (scope: read)",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/SuggestContext" } } } },
          responses: {
            "200": { description: "best first: objects with patternId or fix, score in [0, 1], reason; pattern rows also carry uses and successRate (their runs)" },
            "400": error("the context is invalid"),
            ...tokenErrors("read"),
            "415": error("wrong content type"),
          },
        },
      },
      "/api/v1/heal": {
        get: {
          summary: "The learned fixes for an error message (its own signature's, then the nearest learned signatures'), best first (scope: read)",
          parameters: [{ name: "error", in: "query", required: true, schema: { type: "string", maxLength: 16384 } }],
          responses: {
            "200": { description: "objects with signature, fix, attempts, successes, successRate, interval, autoApply, and how near the fix's signature is: match (exact | fits | similar), similarity in [0, 1], how; and recipe (null when the fix has no command; else status, command only once a reviewer approved that exact text, commandSha, approvedBy, approvedAt, runs)" },
            "400": error("no error given"),
            ...tokenErrors("read"),
          },
        },
      },
      "/api/mcp": {
        post: {
          summary: "The MCP tools and resources over streamable HTTP (stateless; JSON-RPC in, JSON out)",
          description: "Tools suggest_patterns, lookup_fix, pattern_status, record_execution; resources patterns://specs/{id} and patterns://reports/weekly/latest. Connect an MCP client; see the README's Agents (MCP).",
          responses: { "200": { description: "a JSON-RPC response" }, "401": error("missing or invalid token") },
        },
      },
      "/api/v1/jobs/{id}/run": {
        post: {
          summary: "Run a scheduled job now (for an outside cron)",
          description: "Bearer PATTERNS_CRON_SECRET or an API token with the `jobs` scope. Waits for the run and answers it; `?wait=false` answers 202 with the run's id at once. Every run is recorded on the Jobs page.",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string", enum: ["analyze", "report", "cleanup"] } },
            { name: "wait", in: "query", required: false, schema: { type: "string", enum: ["true", "false"] } },
          ],
          responses: {
            "200": { description: "`{ run }`: id, jobId, status, message (what it did), details, startedAt, finishedAt" },
            "202": { description: "`{ runId, status: \"running\" }` (with ?wait=false)" },
            ...tokenErrors("jobs"),
            "404": error("no such job"),
            "409": error("the job is already running"),
            "500": error("the job failed; `run` says how"),
          },
        },
      },
      "/api/v1/executions": {
        post: {
          summary: "Store execution events (scope: ingest)",
          description: `One event, a JSON array, or NDJSON. At most ${LIMITS.eventsPerRequest} events and ${LIMITS.bytesPerRequest} bytes. All or nothing: one invalid event rejects the request and nothing is written. An event whose id was already stored counts as a duplicate and changes nothing.`,
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: { oneOf: [{ $ref: "#/components/schemas/ExecutionEvent" }, { type: "array", items: { $ref: "#/components/schemas/ExecutionEvent" } }] },
              },
              "application/x-ndjson": { schema: { type: "string", description: "one ExecutionEvent as JSON per line" } },
            },
          },
          responses: {
            "200": { description: "stored", content: { "application/json": { schema: { $ref: "#/components/schemas/IngestResult" } } } },
            "400": error("an event is invalid: `errors` lists each problem with the event index and the field"),
            ...tokenErrors("ingest"),
            "413": error("more than 10,000 events or 10 MiB"),
            "415": error("wrong content type, a charset other than UTF-8, or a compressed body (Content-Encoding)"),
            "503": error("the database is busy, locked, read-only, full or unreachable; nothing was stored. `reason` says which and the `Retry-After` header how many seconds to wait"),
          },
        },
      },
      "/api/health": {
        get: {
          summary: "Liveness: 200 while the process serves (never touches the database)",
          security: [],
          responses: { "200": { description: "{ status: \"ok\", version, uptimeS }" } },
        },
      },
      "/api/ready": {
        get: {
          summary: "Readiness: the database answers and its migrations are this code's",
          security: [],
          responses: {
            "200": { description: "{ status: \"ready\", database: { provider, migration } }" },
            "503": error("not ready, with the reason (unreachable, migrations pending or ahead, shutting down); Retry-After: 5"),
          },
        },
      },
    },
  };
}
