// GET /reports/<week>/markdown[?source=S]: the stored report's Markdown as a download. Served as
// text/markdown with Content-Disposition: attachment, so telemetry text in it is never rendered as HTML.
import { handleErrors, jsonError } from "@/lib/api/respond";
import { routeUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getWeeklyReport } from "@/lib/queries/reports/get-weekly-report";
import { isIsoWeek } from "@/lib/reports/iso-week";

export const GET = handleErrors(async (request: Request, context: { params: Promise<{ week: string }> }) => {
  const user = await routeUser(request, "viewer");
  if (user instanceof Response) return user;
  const week = decodeURIComponent((await context.params).week);
  if (!isIsoWeek(week)) return jsonError(400, "bad_week", `"${week.slice(0, 20)}" is not an ISO week (YYYY-Www)`);
  const raw = new URL(request.url).searchParams.get("source");
  if (raw !== null && raw.length > 200) return jsonError(400, "bad_source", "a source is at most 200 characters");
  const source = raw?.trim() ? raw.trim() : null;
  const stored = await getWeeklyReport(getDb(), week, source);
  if (!stored) return jsonError(404, "not_found", `no report is stored for ${week}${source ? ` and source ${source}` : ""}`);
  const slug = source ? `-${source.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 60)}` : "";
  return new Response(stored.markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${week}${slug}.md"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
});
