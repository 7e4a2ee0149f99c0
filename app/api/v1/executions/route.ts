// POST /api/v1/executions as Next.js serves it (`next dev`, `next start`); `npm start` serves it without
// Next.js (lib/server/web-server.ts). The handler is lib/api/ingest-executions.ts.
import { readRequestBody } from "@/lib/api/respond";
import { ingestExecutions } from "@/lib/api/ingest-executions";
import { otherMethods } from "@/lib/api/methods";

export const POST = (request: Request): Promise<Response> => ingestExecutions(request, (limit) => readRequestBody(request, limit));

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["POST"]);
