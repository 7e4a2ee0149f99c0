// DESIGN.md "Operating": 200 when the database answers and its migrations are current, else 503 with the
// reason (and while the server shuts down, so a load balancer stops sending before it goes). Public, like
// /api/health: it says nothing a caller could use but the reason, and the reason names no secret.
import { otherMethods } from "@/lib/api/methods";
import { jsonError } from "@/lib/api/respond";
import { parseDatabaseUrl } from "@/lib/db/config";
import { checkReadiness } from "@/lib/db/readiness";
import { isShuttingDown } from "@/lib/server/graceful-shutdown";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

function notReady(reason: string): Response {
  const response = jsonError(503, "not_ready", reason, { status: "not_ready" });
  response.headers.set("Retry-After", "5");
  response.headers.set("Cache-Control", "no-store");
  return response;
}

export async function GET(): Promise<Response> {
  if (isShuttingDown()) return notReady("the server is shutting down");
  let config;
  try {
    config = parseDatabaseUrl(process.env.DATABASE_URL);
  } catch (error) {
    return notReady((error as Error).message);
  }
  const readiness = await checkReadiness(config);
  if (!readiness.ready) return notReady(readiness.reason);
  return Response.json({ status: "ready", database: { provider: readiness.provider, migration: readiness.migration } }, { headers: noStore });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["GET"]);
