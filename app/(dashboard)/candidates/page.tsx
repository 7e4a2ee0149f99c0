// The candidate review queue: filters (kind, status, confidence range, name), sort and paging in the URL;
// reviewers check rows for a bulk decision or open one to review it (with the keyboard, one after another).
import type { Metadata } from "next";
import { connection } from "next/server";
import { redirectToCanonical } from "@/components/table/canonical-redirect";
import { TableErrors } from "@/components/table/table-errors";
import { TableFilters } from "@/components/table/table-filters";
import { TableSuspense } from "@/components/table/table-suspense";
import { pageWindow, parseTableParams, type TableUrlState } from "@/components/table/url-state";
import { Notice } from "@/components/ui/notice";
import { currentUser, hasRole, requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getCandidatePage, type CandidateSort } from "@/lib/queries/candidates/get-candidate-page";
import { BulkForm } from "./_components/bulk-form";
import { CANDIDATES_SPEC } from "./_components/candidates-spec";
import { CandidatesTable } from "./_components/candidates-table";
import "./candidates.css";

export const metadata: Metadata = { title: "Candidates" };

async function CandidateResults({ state, canDecide }: { state: TableUrlState; canDecide: boolean }) {
  const f = state.filters as { status?: string; kind?: string; min?: number; max?: number };
  const page = await getCandidatePage(getDb(), {
    ...pageWindow(state),
    sort: state.sort as { id: CandidateSort; desc: boolean },
    status: f.status === "all" ? undefined : f.status,
    kind: f.kind,
    minConfidence: f.min,
    maxConfidence: f.max,
    q: state.q || undefined,
  });
  return <CandidatesTable rows={page.rows} total={page.total} state={state} selectable={canDecide} />;
}

export default async function CandidatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  // every page checks the session itself: a client navigation may render the page without its layout
  await requirePageUser("viewer", "/candidates");
  const params = await searchParams;
  redirectToCanonical(CANDIDATES_SPEC, "/candidates", params);
  const canDecide = hasRole(await currentUser(), "reviewer");
  const { state, errors } = parseTableParams(CANDIDATES_SPEC, params);
  return (
    <>
      <h1>Candidates</h1>
      <p className="subtitle">
        Repeated ad-hoc work and file families the detectors propose as patterns. Confidence = 0.35 × how many + 0.20 × how alike + 0.30 × success + 0.15 × how recent. Open one to review it;
        on its page <kbd>j</kbd>/<kbd>k</kbd> move through the queue, <kbd>a</kbd> approves, <kbd>r</kbd> rejects, <kbd>?</kbd> shows the keys.
      </p>
      <Notice params={params} />
      <section className="panel">
        <TableFilters spec={CANDIDATES_SPEC} state={state} basePath="/candidates" id="candidates" />
        {errors.length > 0 ? (
          <TableErrors errors={errors} basePath="/candidates" />
        ) : (
          <TableSuspense stateKey={JSON.stringify(state)} label="candidates">
            <CandidateResults state={state} canDecide={canDecide} />
          </TableSuspense>
        )}
        {canDecide && errors.length === 0 ? <BulkForm /> : null}
      </section>
    </>
  );
}
