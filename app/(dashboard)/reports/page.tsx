import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { currentUser, hasRole, requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getReportSources } from "@/lib/queries/reports/get-weekly-reports";
import { lastCompleteWeek } from "@/lib/reports/iso-week";
import { GenerateForm } from "./_components/generate-form";
import { reportHref, sourceParam } from "./_components/report-url";
import { ReportsTable } from "./_components/reports-table";
import { ScriptedSuspense } from "@/components/ui/scripted-suspense";

export const metadata: Metadata = { title: "Weekly reports" };

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  // every page checks the session itself: a client navigation may render the page without its layout
  await requirePageUser("viewer", "/reports");
  const params = await searchParams;
  const source = sourceParam(params.source);
  const sources = await getReportSources(getDb());
  const error = typeof params.error === "string" ? params.error.slice(0, 500) : null;
  const latest = lastCompleteWeek(new Date());
  return (
    <>
      <h1>Weekly reports</h1>
      <p className="subtitle">
        Source:{" "}
        <Link href="/reports" aria-current={source === null ? "page" : undefined}>
          all
        </Link>
        {sources.map((s) => (
          <span key={s}>
            {" · "}
            <Link href={reportHref(null, s)} aria-current={source === s ? "page" : undefined}>
              {s}
            </Link>
          </span>
        ))}
      </p>
      <form method="get" action="/reports" className="lift-form filter-form" aria-label="Filter by source">
        <input name="source" aria-label="Source" placeholder="any source, e.g. ci-runner-1" defaultValue={source ?? ""} maxLength={200} />
        <button type="submit" className="button small secondary">
          Show
        </button>
      </form>
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
      <section className="panel" aria-label="Stored weeks">
        <h2>{source ? `Weeks for ${source}` : "Weeks, all sources"}</h2>
        <ScriptedSuspense fallback={<div className="skeleton" />}>
          <ReportsTable source={source} />
        </ScriptedSuspense>
      </section>
      <section className="panel" aria-label="Generate a report">
        <h2>Generate</h2>
        <p className="muted">
          The last complete week is <Link href={reportHref(latest, source)}>{latest}</Link>. A stored week is never rewritten unless an admin regenerates it from its page.
        </p>
        {hasRole(await currentUser(), "admin") ? <GenerateForm week={null} source={source} stored={false} /> : <p className="muted">An admin can generate a week that has no report yet.</p>}
      </section>
    </>
  );
}
