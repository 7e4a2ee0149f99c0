import type { Metadata } from "next";
import { connection } from "next/server";
import { LocalTime } from "@/components/ui/local-time";
import { runJobNowAction } from "@/lib/actions/jobs/run-job-now";
import { currentUser, hasRole, requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { schedulerState } from "@/lib/jobs/in-app";
import { getJobs } from "@/lib/queries/jobs/get-jobs";
import { AutoRefresh } from "./_components/auto-refresh";
import { JobRuns } from "./_components/job-runs";
import { RunNowButton } from "./_components/run-now-button";

export const metadata: Metadata = { title: "Jobs" };

/** "in 3 h 12 min", "in 5 d 14 h" */
function formatIn(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `in ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `in ${hours} h ${minutes % 60} min` : `in ${Math.floor(hours / 24)} d ${hours % 24} h`;
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function Notice({ params, titles, running }: { params: Record<string, string | string[] | undefined>; titles: Record<string, string>; running: Set<string> }) {
  if (typeof params.busy === "string" && titles[params.busy]) return <p role="status" className="notice warn">{titles[params.busy]} is already running; its run is below.</p>;
  if (typeof params.started === "string") {
    return running.has(params.started) ? (
      <p role="status" className="notice">Started. The run goes on in the background; this page follows it.</p>
    ) : (
      <p role="status" className="notice">Started, and ended: the highlighted run below says what it did.</p>
    );
  }
  if (params.error === "unknown-job") return <p role="alert" className="notice bad">There is no such job.</p>;
  return null;
}

export default async function JobsPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  // every page checks the session itself: a client navigation may render the page without its layout
  await requirePageUser("viewer", "/jobs");
  const params = await searchParams;
  const now = new Date();
  const canRun = hasRole(await currentUser(), "admin");
  const jobs = await getJobs(getDb(), now);
  const anyRunning = jobs.some((j) => j.running);
  const highlight = typeof params.started === "string" ? params.started : undefined;
  return (
    <>
      <h1>Jobs</h1>
      <p className="subtitle">
        {schedulerState() === "running" ? (
          "The scheduler runs in this server process: each job runs when its schedule comes due (UTC), and once for a due time missed while the app was down."
        ) : (
          <>
            The scheduler is off in this server process (PATTERNS_SCHEDULER=off): jobs run from Run now, <code className="mono">patterns run-job</code>,{" "}
            <code className="mono">patterns scheduler</code> or the cron route.
          </>
        )}{" "}
        Schedules are settings: <code className="mono">patterns settings set analyzeSchedule &quot;0 */6 * * *&quot;</code>.
      </p>
      <Notice params={params} titles={Object.fromEntries(jobs.map((j) => [j.id, j.title]))} running={new Set(jobs.flatMap((j) => j.runs.filter((r) => r.status === "running").map((r) => r.id)))} />
      {anyRunning ? (
        <>
          <AutoRefresh everyMs={1500} />
          <noscript>
            {/* an explicit URL: refreshing one with a #fragment would only scroll, not reload */}
            <meta httpEquiv="refresh" content={`2; url=/jobs${highlight ? `?started=${encodeURIComponent(highlight)}` : ""}`} />
          </noscript>
        </>
      ) : null}
      {jobs.map((job) => (
        <section key={job.id} className="panel" aria-labelledby={`job-${job.id}`}>
          <div className="job-head">
            <div>
              <h2 id={`job-${job.id}`}>{job.title}</h2>
              <p className="muted">{job.description}</p>
              <p>
                <code className="mono">{job.schedule}</code> <span className="muted">UTC ({job.scheduleKey})</span>
                {job.nextDue ? (
                  <>
                    {" · next due "}
                    <LocalTime at={job.nextDue} /> <span className="muted">({formatIn(job.nextDue.getTime() - now.getTime())})</span>
                  </>
                ) : null}
              </p>
            </div>
            {canRun ? (
            <form action={runJobNowAction} aria-label={`Run ${job.title} now`}>
              <input type="hidden" name="jobId" value={job.id} />
              {job.running ? (
                <button type="submit" className="button small" disabled>
                  Running…
                </button>
              ) : (
                <RunNowButton label="Run now" />
              )}
            </form>
            ) : null}
          </div>
          <JobRuns runs={job.runs} highlight={highlight} />
        </section>
      ))}
    </>
  );
}
