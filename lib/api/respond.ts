// The machine-facing routes' envelopes: one `{ error: { code, message } }` shape for every failure,
// plus the per-event `errors` list that DESIGN.md asks of ingestion.
import { logger } from "../log/logger";
import type { EventError } from "../telemetry/event-schema";
import { withRequestLog } from "./request-log";

export function jsonError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error: { code, message }, ...extra }, { status });
}

export function eventErrors(status: number, errors: EventError[], totalErrors: number): Response {
  const first = errors[0];
  const where = first ? `event ${first.index}${first.path ? `, field ${first.path}` : ""}: ${first.message}` : "invalid request";
  const message = totalErrors > 1 ? `${where} (and ${totalErrors - 1} more)` : where;
  return jsonError(status, status === 413 ? "too_large" : "invalid_events", message, { errors, totalErrors });
}

/** Reads at most `limit` bytes of the body as UTF-8; null when it is larger. */
export async function readBodyText(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Wraps a route handler so an unexpected failure answers with the envelope, not an HTML page (and is logged). */
export function handleErrors<Rest extends unknown[]>(handler: (request: Request, ...rest: Rest) => Promise<Response>) {
  return async (request: Request, ...rest: Rest): Promise<Response> =>
    withRequestLog(request, async () => {
      try {
        return await handler(request, ...rest);
      } catch (error) {
        logger().error({ err: error }, "unexpected error while serving the request");
        return jsonError(500, "internal", "the server could not complete this request; nothing was stored");
      }
    });
}
