// POST /api/v1/jobs/<analyze|report|cleanup>/run: a scheduled job, triggered by an outside cron
// (suggested schedules: analyze "0 */6 * * *", report "30 0 * * 1", cleanup "0 3 1 * *", UTC).
// Bearer PATTERNS_CRON_SECRET or an API token with the jobs scope (any other token: 403). Waits for the run
// and answers it (200; 500 when the job failed, so `curl --fail` notices); `?wait=false` answers 202 at once
// with the run's id.
import { authenticateCron } from "@/lib/api/cron-auth";
import { handleErrors, jsonError } from "@/lib/api/respond";
import { getDb } from "@/lib/db/client";
import { isJobId } from "@/lib/jobs/index";
import { startJob } from "@/lib/jobs/start-job";
import { otherMethods } from "@/lib/api/methods";

interface RouteContext {
  params: Promise<{ id: string }>;
}

export async function POST(request: Request, { params }: RouteContext): Promise<Response> {
  const { id } = await params;
  return handleErrors(async () => {
    const db = getDb();
    const auth = await authenticateCron(db, request);
    if ("response" in auth) return auth.response;
    if (!isJobId(id)) return jsonError(404, "unknown_job", `no job "${id.slice(0, 100)}" (known: analyze, report, cleanup)`);
    const start = await startJob(db, id, { trigger: "cron", actor: auth.actor });
    if (!start.started) return jsonError(409, "busy", start.message);
    if (new URL(request.url).searchParams.get("wait") === "false") {
      start.done.catch(() => {}); // recorded in job_runs either way
      return Response.json({ runId: start.runId, status: "running" }, { status: 202 });
    }
    const run = await start.done;
    if (run.status === "failed") return jsonError(500, "job_failed", run.message, { run });
    return Response.json({ run });
  })(request);
}

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["POST"]);
