// GET /api/v1/openapi.json: the API described from the zod schemas that validate it.
import { buildOpenApi } from "@/lib/api/openapi";
import packageJson from "@/package.json";
import { otherMethods } from "@/lib/api/methods";

export function GET(): Response {
  return Response.json(buildOpenApi(packageJson.version));
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["GET"]);
