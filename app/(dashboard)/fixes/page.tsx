// Learned fixes: what retries taught, a page at a time, with sort, filters and page in the URL.
import type { Metadata } from "next";
import { connection } from "next/server";
import { redirectToCanonical } from "@/components/table/canonical-redirect";
import { TableErrors } from "@/components/table/table-errors";
import { TableFilters } from "@/components/table/table-filters";
import { TableSuspense } from "@/components/table/table-suspense";
import { pageWindow, parseTableParams, type TableUrlState } from "@/components/table/url-state";
import { getDb } from "@/lib/db/client";
import { getFixes, type FixSort, type FixState } from "@/lib/queries/fixes/get-fixes";
import { FIXES_SPEC } from "./_components/fixes-spec";
import { FixesTable } from "./_components/fixes-table";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Fixes" };

async function FixesResults({ state }: { state: TableUrlState }) {
  const page = await getFixes(getDb(), { ...pageWindow(state), sort: state.sort as { id: FixSort; desc: boolean }, state: state.filters.state as FixState | undefined, q: state.q || undefined });
  return <FixesTable rows={page.rows} total={page.total} state={state} />;
}

export default async function FixesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  // every page checks the session itself: a client navigation may render the page without its layout
  await requirePageUser("viewer", "/fixes");
  const params = await searchParams;
  redirectToCanonical(FIXES_SPEC, "/fixes", params);
  const { state, errors } = parseTableParams(FIXES_SPEC, params);
  return (
    <>
      <h1>Learned fixes</h1>
      <p className="subtitle">
        What retries taught: each fix with its record and the 95 % interval of its success rate. Auto-apply needs a rate of at least the setting and a lower bound of 0.70.
      </p>
      <section className="panel">
        <TableFilters spec={FIXES_SPEC} state={state} basePath="/fixes" id="fixes" />
        {errors.length > 0 ? (
          <TableErrors errors={errors} basePath="/fixes" />
        ) : (
          <TableSuspense stateKey={JSON.stringify(state)} label="fixes">
            <FixesResults state={state} />
          </TableSuspense>
        )}
      </section>
    </>
  );
}
