// Every pattern with its runs and success rate over a period named on the page (`?days=`), filtered by
// status and searched by id or name, sorted and paged on the server: the one data table, its state in the
// URL. Each links to its own page. A pattern made from a candidate also shows the ad-hoc runs that made
// it, which name no pattern and so are not its runs. Reviewers restore archived patterns from here.
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { redirectToCanonical } from "@/components/table/canonical-redirect";
import { TableErrors } from "@/components/table/table-errors";
import { TableFilters } from "@/components/table/table-filters";
import { TableSuspense } from "@/components/table/table-suspense";
import { pageWindow, parseTableParams, serialiseTableState, type TableUrlState } from "@/components/table/url-state";
import { formatCount } from "@/components/ui/format";
import { Notice } from "@/components/ui/notice";
import { hasRole, requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getPatternsPage, type PatternSort } from "@/lib/queries/patterns/get-patterns-page";
import { periodDays, periodOf, todayUtc, type Period } from "@/lib/queries/period";
import { PeriodPicker } from "../_components/period-picker";
import { PATTERN_STATUSES, PATTERNS_SPEC } from "./_components/patterns-spec";
import { PatternsTable } from "./_components/patterns-table";
import { readError } from "@/lib/actions/notice";

export const metadata: Metadata = { title: "Patterns" };

const text = (v: unknown) => (typeof v === "string" ? v.slice(0, 300) : null);

async function PatternsResults({ state, period, canRestore }: { state: TableUrlState; period: Period; canRestore: boolean }) {
  const status = state.filters.status as string | undefined;
  const page = await getPatternsPage(getDb(), { ...pageWindow(state), sort: state.sort as { id: PatternSort; desc: boolean }, status, q: state.q || undefined, range: period });
  return (
    <>
      <p className="muted">
        {formatCount(page.total)} patterns{status ? ` ${status}` : ""}; runs and success rate over the {period.label}.
      </p>
      <PatternsTable rows={page.rows} total={page.total} state={state} days={period.days} canRestore={canRestore} />
    </>
  );
}

export default async function PatternsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  // every page checks the session itself: a client navigation may render the page without its layout
  const canRestore = hasRole(await requirePageUser("viewer", "/patterns"), "reviewer");
  const params = await searchParams;
  redirectToCanonical(PATTERNS_SPEC, "/patterns", params);
  const { state, errors } = parseTableParams(PATTERNS_SPEC, params);
  const status = state.filters.status as string | undefined;
  const period = periodOf(periodDays(String(state.filters.days)), todayUtc());
  const href = (change: Record<string, string | undefined>) => {
    const filters: Record<string, string | number> = { ...state.filters };
    for (const [name, value] of Object.entries(change)) if (value === undefined) delete filters[name]; else filters[name] = value;
    return `/patterns${serialiseTableState(PATTERNS_SPEC, state, { filters, page: 1 })}`;
  };
  // the period links keep the rest of the view (filters, search, sort, page size), back to page 1
  const kept = Object.fromEntries(new URLSearchParams(serialiseTableState(PATTERNS_SPEC, state, { page: 1 })));
  delete kept.days;
  return (
    <>
      <h1>Patterns</h1>
      <PeriodPicker period={period} path="/patterns" extra={kept} />
      <nav className="filter-links" aria-label="Status">
        <Link href={href({ status: undefined })} aria-current={!status ? "page" : undefined}>all</Link>
        {PATTERN_STATUSES.map((s) => (
          <Link key={s} href={href({ status: s })} aria-current={status === s ? "page" : undefined}>{s}</Link>
        ))}
      </nav>
      <Notice params={params} />
      {text(params.restored) ? <p role="status" className="notice">Restored <span className="mono">{text(params.restored)}</span>: it is active again.</p> : null}
      {readError(params) ? <p role="alert" className="error-text">{readError(params)}</p> : null}
      <section className="panel">
        <TableFilters spec={PATTERNS_SPEC} state={state} basePath="/patterns" id="patterns" />
        {errors.length > 0 ? (
          <TableErrors errors={errors} basePath="/patterns" />
        ) : (
          <TableSuspense stateKey={JSON.stringify(state)} label="patterns">
            <PatternsResults state={state} period={period} canRestore={canRestore} />
          </TableSuspense>
        )}
      </section>
    </>
  );
}
