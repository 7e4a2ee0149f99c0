// The anti-pattern registry on the one data table: failing patterns and recurring errors, filtered by
// status and kind, sorted and paged on the server, all in the URL; each with its evidence, its timeline and the actions the signed-in person may take. Outages (runs
// that count against nobody) stream in below.
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
import { REGISTRY_STATUSES, getRegistryPage, type RegistrySort } from "@/lib/queries/anti-patterns/get-registry-page";
import { OutagesSection } from "./_components/outages-section";
import { REGISTRY_SPEC } from "./_components/registry-spec";
import { RegistryTable } from "./_components/registry-table";
import { ScriptedSuspense } from "@/components/ui/scripted-suspense";
import { readError } from "@/lib/actions/notice";

export const metadata: Metadata = { title: "Anti-patterns" };

type Params = Record<string, string | string[] | undefined>;

async function RegistryResults({ state, reviewer }: { state: TableUrlState; reviewer: boolean }) {
  const { status, kind } = state.filters as { status?: string; kind?: string };
  const { rows, total } = await getRegistryPage(getDb(), { ...pageWindow(state), sort: state.sort as { id: RegistrySort; desc: boolean }, status, kind });
  return (
    <>
      <h2 id="registry-title">
        Registry <span className="period-tag">{formatCount(total)} {total === 1 ? "entry" : "entries"}{status ? `, ${status}` : ""}{kind ? `, ${kind.replace("_", " ")}` : ""}; failure rates over each entry’s own window (see its evidence)</span>
      </h2>
      <RegistryTable rows={rows} total={total} state={state} reviewer={reviewer} />
    </>
  );
}

export default async function AntiPatternsPage({ searchParams }: { searchParams: Promise<Params> }) {
  await connection();
  // every page checks the session itself: a client navigation may render the page without its layout
  const reviewer = hasRole(await requirePageUser("viewer", "/anti-patterns"), "reviewer");
  const params = await searchParams;
  redirectToCanonical(REGISTRY_SPEC, "/anti-patterns", params);
  const { state, errors } = parseTableParams(REGISTRY_SPEC, params);
  const { status, kind } = state.filters as { status?: string; kind?: string };
  const href = (change: Record<string, string | undefined>) => {
    const filters: Record<string, string | number> = { ...state.filters };
    for (const [name, value] of Object.entries(change)) if (value === undefined) delete filters[name]; else filters[name] = value;
    return `/anti-patterns${serialiseTableState(REGISTRY_SPEC, state, { filters, page: 1 })}`;
  };
  const error = readError(params);
  return (
    <>
      <h1>Anti-patterns</h1>
      <p className="subtitle">Patterns that fail too often and errors that keep coming back: the evidence, every change with who and why, and what to do next.</p>
      <nav className="filter-links" aria-label="Status">
        <span className="muted">Status:</span>
        <Link href={href({ status: undefined })} aria-current={!status ? "page" : undefined}>all</Link>
        {REGISTRY_STATUSES.map((s) => (
          <Link key={s} href={href({ status: s })} aria-current={status === s ? "page" : undefined}>{s}</Link>
        ))}
      </nav>
      <nav className="filter-links" aria-label="Kind">
        <span className="muted">Kind:</span>
        <Link href={href({ kind: undefined })} aria-current={!kind ? "page" : undefined}>all</Link>
        <Link href={href({ kind: "failing_pattern" })} aria-current={kind === "failing_pattern" ? "page" : undefined}>failing patterns</Link>
        <Link href={href({ kind: "recurring_error" })} aria-current={kind === "recurring_error" ? "page" : undefined}>recurring errors</Link>
      </nav>
      <Notice params={params} />
      {error ? <p role="alert" className="notice bad">{error}</p> : null}
      <section className="panel" aria-labelledby="registry-title">
        <TableFilters spec={REGISTRY_SPEC} state={state} basePath="/anti-patterns" id="anti-patterns" />
        {errors.length > 0 ? (
          <>
            <h2 id="registry-title">Registry</h2>
            <TableErrors errors={errors} basePath="/anti-patterns" />
          </>
        ) : (
          <TableSuspense stateKey={JSON.stringify(state)} label="registry entries">
            <RegistryResults state={state} reviewer={reviewer} />
          </TableSuspense>
        )}
      </section>
      <section className="panel" aria-labelledby="outages-title">
        <h2 id="outages-title">Outages <span className="period-tag">last 30 days</span></h2>
        <p className="muted">Most patterns run from one source failed at once, improbably for them: their runs there count against none of them.</p>
        <ScriptedSuspense fallback={<div className="skeleton" aria-label="Loading the outages" />}>
          <OutagesSection />
        </ScriptedSuspense>
      </section>
    </>
  );
}
