import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { currentUser, hasRole, requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getWeeklyReport } from "@/lib/queries/reports/get-weekly-report";
import { isIsoWeek, parseIsoWeek, shiftWeek } from "@/lib/reports/iso-week";
import { GenerateForm } from "../_components/generate-form";
import { ReportSummary } from "../_components/report-summary";
import { ReportTables } from "../_components/report-tables";
import { reportHref, sourceParam } from "../_components/report-url";
import { ScriptedSuspense } from "@/components/ui/scripted-suspense";

type Props = { params: Promise<{ week: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { week } = await params;
  return { title: `Report ${decodeURIComponent(week).slice(0, 10)}` };
}

const STATUS: Record<string, string> = {
  generated: "The report was generated and stored.",
  regenerated: "The report was regenerated from the executions now in the database.",
  kept: "This week was already stored; it was kept as it was.",
  "not-stored": "This week is not over yet: its report is stored once it ends.",
};

export default async function ReportPage({ params, searchParams }: Props) {
  await connection();
  // every page checks the session itself: a client navigation may render the page without its layout
  await requirePageUser("viewer", "/reports");
  const week = decodeURIComponent((await params).week);
  if (!isIsoWeek(week)) notFound();
  const query = await searchParams;
  const source = sourceParam(query.source);
  const stored = await getWeeklyReport(getDb(), week, source);
  const status = typeof query.status === "string" ? STATUS[query.status] : undefined;
  const error = typeof query.error === "string" ? query.error.slice(0, 500) : null;
  const { from, to } = parseIsoWeek(week);
  const over = to <= new Date();
  return (
    <>
      <h1>Weekly report {week}</h1>
      <p className="subtitle">
        {from.toISOString().slice(0, 10)} to {new Date(to.getTime() - 1).toISOString().slice(0, 10)} (UTC) · {source ? <>source <strong>{source}</strong></> : "all sources"}
        {stored ? <> · generated {stored.generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC by {stored.generatedBy}</> : null}
      </p>
      <nav className="week-nav" aria-label="Weeks">
        <Link href={reportHref(shiftWeek(week, -1), source)} rel="prev">← {shiftWeek(week, -1)}</Link>
        <Link href={reportHref(null, source)}>All weeks</Link>
        <Link href={reportHref(shiftWeek(week, 1), source)} rel="next">{shiftWeek(week, 1)} →</Link>
        {stored ? (
          <a href={`${reportHref(week, null)}/markdown${source ? `?${new URLSearchParams({ source })}` : ""}`} download>
            Download Markdown
          </a>
        ) : null}
      </nav>
      {status ? <p role="status" className="notice">{status}</p> : null}
      {error ? <p role="alert" className="error-text">{error}</p> : null}
      {!stored ? (
        <section className="panel">
          <h2>No report stored for this week</h2>
          <p className="muted">{over ? "The weekly job stores each week's report on the Monday after it; an admin can generate it now." : "This week is not over yet."}</p>
        </section>
      ) : !stored.data.hasData ? (
        <section className="panel">
          <h2>No data</h2>
          <p>No executions were recorded in {week}{source ? ` for ${source}` : ""}: there is nothing to report for this week.</p>
        </section>
      ) : (
        <ScriptedSuspense fallback={<div className="skeleton" />}>
          <ReportSummary report={stored.data} />
          <ReportTables report={stored.data} />
        </ScriptedSuspense>
      )}
      {over && hasRole(await currentUser(), "admin") ? (
        <section className="panel" aria-label="Admin">
          <h2>{stored ? "Regenerate" : "Generate"}</h2>
          <p className="muted">{stored ? "Rebuilds this week from the executions the database holds now, replacing the stored report (recorded in the activity log)." : "Builds and stores this week's report."}</p>
          <GenerateForm week={week} source={source} stored={stored !== null} />
        </section>
      ) : null}
    </>
  );
}
