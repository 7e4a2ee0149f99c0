// Answers for the methods a route does not serve. Next.js answers them 405 with no Allow header and no
// body; a machine caller deserves both (RFC 9110 §15.5.6). A route exports these for every method it lacks:
//   export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["POST"]);
// OPTIONS is ours too: Next.js's own would list every exported method, the refusing ones included.
// Unknown paths are app/api/[...path]/route.ts's: JSON 404.
import { jsonError } from "./respond";

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

type Handler = ((request: Request) => Response) & { refusesMethod?: true };

/** The Allow header for a route serving these methods (HEAD comes with GET, OPTIONS with every route). */
export function allowHeader(allowed: readonly HttpMethod[]): string {
  const all = new Set<string>([...allowed, "OPTIONS"]);
  if (all.has("GET")) all.add("HEAD");
  return [...all].sort().join(", ");
}

export function otherMethods(allowed: readonly HttpMethod[]): Record<HttpMethod | "OPTIONS", Handler> {
  const allow = allowHeader(allowed);
  const refuse: Handler = (request) => {
    const response = jsonError(405, "method_not_allowed", `${request.method} is not served here; use ${allow}`);
    response.headers.set("Allow", allow);
    return response;
  };
  refuse.refusesMethod = true; // what the route sweep test tells apart from real handlers
  const options: Handler = () => new Response(null, { status: 204, headers: { Allow: allow } });
  return { ...(Object.fromEntries(HTTP_METHODS.map((m) => [m, refuse])) as Record<HttpMethod, Handler>), OPTIONS: options };
}

/** Every method at a path no route serves: JSON 404 instead of Next's HTML page. */
export function notFound(request: Request): Response {
  const path = new URL(request.url).pathname.slice(0, 200);
  return jsonError(404, "not_found", `no API route at ${path} (the API is described at /api/v1/openapi.json)`);
}
