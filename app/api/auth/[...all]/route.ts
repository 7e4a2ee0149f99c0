// better-auth at its default mount: POST /api/auth/sign-in/email { email, password }, sign-out, get-session.
// Each request is logged as the machine routes are (withRequestLog: method, path, status, duration; never
// the body, which holds the password).
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/auth";
import { getDb } from "@/lib/db/client";
import { otherMethods } from "@/lib/api/methods";
import { withRequestLog } from "@/lib/api/request-log";

const auth = toNextJsHandler(async (request: Request) => (await getAuth(getDb())).handler(request));

export const GET = (request: Request) => withRequestLog(request, () => auth.GET(request));
export const POST = (request: Request) => withRequestLog(request, () => auth.POST(request));

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(["GET", "POST"]);
