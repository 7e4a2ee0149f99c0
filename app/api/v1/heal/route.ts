// GET /api/v1/heal?error=TEXT: the known fixes for an error message, best first (AUTO-003).
import { handleErrors, jsonError } from "@/lib/api/respond";
import { verifyBearer } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { getHealFixes } from "@/lib/queries/heal/get-heal-fixes";

export const GET = handleErrors(async (request: Request) => {
  const db = getDb();
  if (!(await verifyBearer(db, request.headers.get("authorization")))) {
    return jsonError(401, "unauthorized", "a valid API token is required (Authorization: Bearer <token>)");
  }
  const error = new URL(request.url).searchParams.get("error");
  if (!error || !error.trim()) return jsonError(400, "missing_error", "give the error message as ?error=TEXT");
  if (error.length > 16 * 1024) return jsonError(400, "error_too_long", "the error message is longer than 16 KiB");
  return Response.json(await getHealFixes(db, error));
});
