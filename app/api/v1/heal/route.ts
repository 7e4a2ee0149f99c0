// GET /api/v1/heal?error=TEXT: the known fixes for an error message, best first (AUTO-003). Token scope: read.
import { handleErrors, jsonError } from "@/lib/api/respond";
import { authenticateToken } from "@/lib/api/token-auth";
import { getDb } from "@/lib/db/client";
import { getHealFixes } from "@/lib/queries/heal/get-heal-fixes";
import { otherMethods } from "@/lib/api/methods";

export const GET = handleErrors(async (request: Request) => {
  const db = getDb();
  const auth = await authenticateToken(db, request, "read");
  if ("response" in auth) return auth.response;
  const error = new URL(request.url).searchParams.get("error");
  if (!error || !error.trim()) return jsonError(400, "missing_error", "give the error message as ?error=TEXT");
  if (error.length > 16 * 1024) return jsonError(400, "error_too_long", "the error message is longer than 16 KiB");
  return Response.json(await getHealFixes(db, error));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["GET"]);
