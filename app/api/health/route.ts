// DESIGN.md "Operating": 200 while the process serves, with the version. It touches no database, so it answers
// even when the database does not (readiness is /api/ready's question).
import { otherMethods } from "@/lib/api/methods";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok", version: packageJson.version, uptimeS: Math.round(process.uptime()) }, { headers: { "Cache-Control": "no-store" } });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["GET"]);
