// The executions listing: every run, a page at a time, with its sort, filters and page in the URL.
import type { Metadata } from "next";
import { connection } from "next/server";
import { redirectToCanonical } from "@/components/table/canonical-redirect";
import { TableErrors } from "@/components/table/table-errors";
import { TableFilters } from "@/components/table/table-filters";
import { TableSuspense } from "@/components/table/table-suspense";
import { pageWindow, parseTableParams, type TableUrlState } from "@/components/table/url-state";
import { getDb } from "@/lib/db/client";
import { getExecutions, type ExecutionSort } from "@/lib/queries/executions/get-executions";
import { EXECUTIONS_SPEC } from "./_components/executions-spec";
import { ExecutionsTable } from "./_components/executions-table";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Executions" };

async function ExecutionsResults({ state }: { state: TableUrlState }) {
  const { pattern, result } = state.filters as { pattern?: string; result?: "ok" | "failed" };
  const page = await getExecutions(getDb(), { ...pageWindow(state), sort: state.sort as { id: ExecutionSort; desc: boolean }, patternId: pattern, result, q: state.q || undefined });
  return <ExecutionsTable rows={page.rows} total={page.total} totalCapped={page.totalCapped ?? false} state={state} />;
}

export default async function ExecutionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  // every page checks the session itself: a client navigation may render the page without its layout
  await requirePageUser("viewer", "/executions");
  const params = await searchParams;
  redirectToCanonical(EXECUTIONS_SPEC, "/executions", params);
  const { state, errors } = parseTableParams(EXECUTIONS_SPEC, params);
  const pattern = state.filters.pattern;
  return (
    <>
      <h1>Executions</h1>
      <p className="subtitle">{pattern ? <>Runs of pattern <code>{pattern}</code>.</> : "Every run, newest first, with the id each was sent with."}</p>
      <section className="panel">
        <TableFilters spec={EXECUTIONS_SPEC} state={state} basePath="/executions" id="executions" />
        {errors.length > 0 ? (
          <TableErrors errors={errors} basePath="/executions" />
        ) : (
          <TableSuspense stateKey={JSON.stringify(state)} label="executions">
            <ExecutionsResults state={state} />
          </TableSuspense>
        )}
      </section>
    </>
  );
}
