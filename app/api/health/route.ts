// DESIGN.md "Operating": 200 while the process serves. It touches no database, so it answers even when the
// database does not (readiness is a separate question).
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
