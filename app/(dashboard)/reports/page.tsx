// The stored weekly reports on the one data table (source filter, sort and page in the URL), links to each
// source's weeks, and the form an admin uses to generate a week that has none yet.
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { currentUser, hasRole, requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getReportSources } from "@/lib/queries/reports/get-weekly-reports";
import { lastCompleteWeek } from "@/lib/reports/iso-week";
import { GenerateForm } from "./_components/generate-form";
import { reportHref, sourceParam } from "./_components/report-url";
import { REPORTS_SPEC } from "./_components/reports-spec";
import { ReportsTable } from "./_components/reports-table";
import { redirectToCanonical } from "@/components/table/canonical-redirect";
import { TableErrors } from "@/components/table/table-errors";
import { TableFilters } from "@/components/table/table-filters";
import { TableSuspense } from "@/components/table/table-suspense";
import { pageWindow, parseTableParams, type TableUrlState } from "@/components/table/url-state";
import { getWeeklyReports, type WeeklyReportSort } from "@/lib/queries/reports/get-weekly-reports";
import { readError } from "@/lib/actions/notice";

export const metadata: Metadata = { title: "Weekly reports" };

async function ReportsResults({ state, source }: { state: TableUrlState; source: string | null }) {
  const { rows, total } = await getWeeklyReports(getDb(), { ...pageWindow(state), source, sort: state.sort as { id: WeeklyReportSort; desc: boolean } });
  return <ReportsTable rows={rows} total={total} state={state} source={source} />;
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  // every page checks the session itself: a client navigation may render the page without its layout
  await requirePageUser("viewer", "/reports");
  const params = await searchParams;
  redirectToCanonical(REPORTS_SPEC, "/reports", params);
  const { state, errors } = parseTableParams(REPORTS_SPEC, params);
  const source = sourceParam(state.filters.source as string | undefined);
  const sources = await getReportSources(getDb());
  const error = readError(params);
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
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
      <section className="panel" aria-label="Stored weeks">
        <h2>{source ? `Weeks for ${source}` : "Weeks, all sources"}</h2>
        <TableFilters spec={REPORTS_SPEC} state={state} basePath="/reports" id="reports" />
        {errors.length > 0 ? (
          <TableErrors errors={errors} basePath="/reports" />
        ) : (
          <TableSuspense stateKey={JSON.stringify(state)} label="stored weeks">
            <ReportsResults state={state} source={source} />
          </TableSuspense>
        )}
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
