// Each machine request gets an id (the caller's X-Request-Id when it is a plain token, else a new one),
// echoed in the answer's X-Request-Id and carried by every log line written while it is served, plus one
// line when it ends: method, path (never the query: it may hold an error text), status and duration. The
// production server (lib/server/web-server.ts) gives pages and server actions the same.
import { randomUUID } from "node:crypto";
import { logger, withLogContext } from "../log/logger";

const CALLER_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** The caller's X-Request-Id when it is a plain token, else a new id. */
export function requestIdFrom(sent: string | null | undefined): string {
  return sent && CALLER_ID.test(sent) ? sent : randomUUID();
}

export function requestIdOf(request: Request): string {
  return requestIdFrom(request.headers.get("x-request-id"));
}

/** The line a request ends with (inside its log context), with its duration since `started`: a 5xx as an error. */
export function logRequestEnd(request: { method: string; path: string; status: number }, started: number): void {
  const line = { ...request, ms: Math.round((performance.now() - started) * 10) / 10 };
  if (line.status >= 500) logger().error(line, "request failed");
  else logger().info(line, "request");
}

/** Serves `handle` inside the request's log context and logs how it ended. */
export async function withRequestLog(request: Request, handle: () => Promise<Response>): Promise<Response> {
  const requestId = requestIdOf(request);
  const started = performance.now();
  return withLogContext({ requestId }, async () => {
    const response = await handle();
    logRequestEnd({ method: request.method, path: new URL(request.url).pathname, status: response.status }, started);
    try {
      response.headers.set("x-request-id", requestId);
    } catch {
      // a response with immutable headers (a redirect) goes out without the id
    }
    return response;
  });
}
