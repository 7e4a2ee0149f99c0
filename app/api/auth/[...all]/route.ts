// better-auth at its default mount: POST /api/auth/sign-in/email { email, password }, sign-out, get-session.
// Each request is logged as the machine routes are (handleErrors: method, path, status, duration; never the
// body, which holds the password), a database that cannot answer gives 503 with Retry-After, and a path or
// method better-auth does not serve gets the API's JSON 404 instead of its empty one, and its 429 a Retry-After. A POST (sign-in,
// sign-out) from another site, or saying nowhere, is refused 403 by our own origin check, as server actions
// are (lib/web/origin-check.ts): better-auth's own check let a foreign Origin sign in.
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/auth";
import { getDb } from "@/lib/db/client";
import { otherMethods } from "@/lib/api/methods";
import { handleErrors, jsonError } from "@/lib/api/respond";
import { checkRequestOrigin } from "@/lib/web/origin-check";
import { publicOrigins } from "@/lib/web/public-url";

const auth = toNextJsHandler(async (request: Request) => (await getAuth(getDb())).handler(request));

/** better-auth's answer in our terms: its empty 404 as the API's JSON 404, its 429's X-Retry-After as Retry-After. */
async function ourAnswer(request: Request, response: Response): Promise<Response> {
  if (response.status === 429 && !response.headers.has("retry-after") && response.headers.has("x-retry-after")) {
    const answer = new Response(response.body, response);
    answer.headers.set("retry-after", response.headers.get("x-retry-after")!);
    return answer;
  }
  if (response.status !== 404 || (await response.clone().text()) !== "") return response;
  const path = new URL(request.url).pathname.slice(0, 200);
  return jsonError(404, "not_found", `no sign-in endpoint answers ${request.method} ${path} (sign in with POST /api/auth/sign-in/email)`);
}

export const GET = handleErrors(async (request: Request) => ourAnswer(request, await auth.GET(request)));
export const POST = handleErrors(async (request: Request) => {
  const verdict = checkRequestOrigin(request.method, request.headers, publicOrigins());
  if (!verdict.ok) return jsonError(403, "forbidden_origin", `refused: ${verdict.reason}; sign in from this site's own page`);
  return ourAnswer(request, await auth.POST(request));
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(["GET", "POST"]);
