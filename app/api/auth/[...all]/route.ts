// better-auth at its default mount: POST /api/auth/sign-in/email { email, password }, sign-out, get-session.
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/auth";
import { getDb } from "@/lib/db/client";
import { otherMethods } from "@/lib/api/methods";

const handler = toNextJsHandler(async (request: Request) => (await getAuth(getDb())).handler(request));

export const { GET, POST } = handler;

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(["GET", "POST"]);
