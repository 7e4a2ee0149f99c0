// better-auth at its default mount: POST /api/auth/sign-in/email { email, password }, sign-out, get-session.
// Each request is logged as the machine routes are (handleErrors: method, path, status, duration; never the
// body, which holds the password), a database that cannot answer gives 503 with Retry-After, and a path or
// method better-auth does not serve gets the API's JSON 404 instead of its empty one.
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/auth";
import { getDb } from "@/lib/db/client";
import { otherMethods } from "@/lib/api/methods";
import { handleErrors, jsonError } from "@/lib/api/respond";

const auth = toNextJsHandler(async (request: Request) => (await getAuth(getDb())).handler(request));

async function withJsonNotFound(request: Request, response: Response): Promise<Response> {
  if (response.status !== 404 || (await response.clone().text()) !== "") return response;
  const path = new URL(request.url).pathname.slice(0, 200);
  return jsonError(404, "not_found", `no sign-in endpoint answers ${request.method} ${path} (sign in with POST /api/auth/sign-in/email)`);
}

export const GET = handleErrors(async (request: Request) => withJsonNotFound(request, await auth.GET(request)));
export const POST = handleErrors(async (request: Request) => withJsonNotFound(request, await auth.POST(request)));

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(["GET", "POST"]);
