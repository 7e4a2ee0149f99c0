// The machine-facing routes' envelopes: one `{ error: { code, message } }` shape for every failure,
// plus the per-event `errors` list that DESIGN.md asks of ingestion.
import { classifyDatabaseError, type Unavailable } from "../db/unavailable";
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

/** A body as read: its bytes, "too_large" (declared or read past the bound), or the error that cut it off. */
export type BodyBytes = Buffer | "too_large" | { cutOff: unknown };

/**
 * The body's bytes, at most `limit` of them: "too_large" as soon as it is larger (declared or read; the
 * rest is not read), `{ cutOff }` (the error) when the connection ended before the body did.
 */
async function readBounded(request: Request, limit: number): Promise<BodyBytes> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) return "too_large";
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        return "too_large";
      }
      chunks.push(value);
    }
  } catch (error) {
    return { cutOff: error };
  }
  return Buffer.concat(chunks);
}

/** Reads at most `limit` bytes of the body as UTF-8; null when it is larger. */
export async function readBodyText(request: Request, limit: number): Promise<string | null> {
  const bytes = await readBounded(request, limit);
  if (bytes === "too_large") return null;
  if (!Buffer.isBuffer(bytes)) throw new Error("the body ended before it was complete (the connection was cut)", { cause: bytes.cutOff });
  return bytes.toString("utf8");
}

export type BodyRead = { ok: true; text: string } | { ok: false; response: Response };

/**
 * Reads the request's body as text, at most `limit` bytes, or gives the 4xx to answer instead. A route that
 * takes one reads its body only once the request's headers have passed (token, content type), so a refused
 * caller's body is never read: the production server's direct routes read it from the socket
 * (lib/api/node-http.ts), Next.js's from the Request.
 */
export type BodySource = (limit: number) => Promise<BodyRead>;

const GZIP_MAGIC = [0x1f, 0x8b];

/** The 415 for a compressed body (Content-Encoding), known before a byte of it is read; null for a plain one. */
export function encodingRefusal(headers: Headers): Response | null {
  const encoding = (headers.get("content-encoding") ?? "").trim().toLowerCase();
  if (encoding === "" || encoding === "identity") return null;
  return jsonError(415, "unsupported_media_type", "compressed bodies (Content-Encoding) are not accepted; send the body uncompressed");
}

/**
 * The body as text, or the 4xx to answer: larger than `limit` (413), cut off before its declared length
 * (400), compressed without saying so (415), or not UTF-8 (400). No message ever repeats the bytes sent.
 */
export function decodeBody(bytes: BodyBytes, limit: number): BodyRead {
  if (bytes === "too_large") {
    return { ok: false, response: jsonError(413, "too_large", `the body is larger than ${limit} bytes (${Math.round(limit / 1024 / 1024)} MiB); split it into several requests`) };
  }
  if (!Buffer.isBuffer(bytes)) {
    return { ok: false, response: jsonError(400, "truncated_body", "the body ended before it was complete (the connection was cut); nothing was stored") };
  }
  if (bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1]) {
    return { ok: false, response: jsonError(415, "unsupported_media_type", "the body looks compressed (gzip); send it uncompressed as JSON or NDJSON") };
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, response: jsonError(400, "invalid_encoding", "the body is not valid UTF-8; nothing was stored") };
  }
}

/** The Request's body as text, or the 4xx to answer (encodingRefusal, decodeBody). */
export async function readRequestBody(request: Request, limit: number): Promise<BodyRead> {
  const refused = encodingRefusal(request.headers);
  if (refused) return { ok: false, response: refused };
  return decodeBody(await readBounded(request, limit), limit);
}

/** 503 with Retry-After: a passing database problem, so the client keeps what it sent and tries again. */
export function unavailableResponse(u: Unavailable): Response {
  const response = jsonError(503, "unavailable", u.message, { reason: u.reason });
  response.headers.set("retry-after", String(u.retryAfter));
  return response;
}

/**
 * Wraps a route handler so a failure answers with the envelope, not an HTML page, and every request is
 * logged: a database that is busy, locked, read-only, full or unreachable gives 503 with Retry-After;
 * anything else 500 (logged with its error).
 */
export function handleErrors<Rest extends unknown[]>(handler: (request: Request, ...rest: Rest) => Promise<Response>) {
  return async (request: Request, ...rest: Rest): Promise<Response> =>
    withRequestLog(request, async () => {
      try {
        return await handler(request, ...rest);
      } catch (error) {
        const passing = classifyDatabaseError(error);
        if (passing) return unavailableResponse(passing);
        logger().error({ err: error }, "unexpected error while serving the request");
        return jsonError(500, "internal", "the server could not complete this request; nothing was stored");
      }
    });
}
