// The audit log: every decision and change, newest first, on the one data table. Its filters (actor,
// action, UTC days), sort and page live in the URL; a value the log cannot use is said to be wrong beside
// its field instead of silently showing everything.
import type { Metadata } from "next";
import { connection } from "next/server";
import { redirectToCanonical } from "@/components/table/canonical-redirect";
import { TableErrors } from "@/components/table/table-errors";
import { TableSuspense } from "@/components/table/table-suspense";
import { pageCount, pageWindow, parseTableParams, serialiseTableState, type TableUrlState } from "@/components/table/url-state";
import { formatCount } from "@/components/ui/format";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getAuditActors } from "@/lib/queries/activity/get-audit-actors";
import { getAuditEvents, type AuditEventSort } from "@/lib/queries/activity/get-audit-events";
import { activityFiltersSchema, type ActivityFilters as Filters } from "@/lib/schemas/activity";
import { ActivityFilters, type FilterValues } from "./_components/activity-filters";
import { ACTIVITY_SPEC } from "./_components/activity-spec";
import { ActivityTable } from "./_components/activity-table";

export const metadata: Metadata = { title: "Activity" };

type Params = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

async function ActivityResults({ state, filters }: { state: TableUrlState; filters: Filters }) {
  const { rows, total } = await getAuditEvents(getDb(), { ...pageWindow(state), sort: state.sort as { id: AuditEventSort; desc: boolean }, actor: filters.actor, action: filters.action, from: filters.from, to: filters.to });
  const pages = pageCount(total, state.pageSize);
  return (
    <section className="panel" aria-labelledby="activity-title">
      <h2 id="activity-title">
        {formatCount(total)} event{total === 1 ? "" : "s"}
        {pages > 1 ? ` · page ${formatCount(state.page)} of ${formatCount(pages)}` : ""}
      </h2>
      <ActivityTable rows={rows} total={total} state={state} spec={ACTIVITY_SPEC} />
    </section>
  );
}

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Params> }) {
  await connection();
  await requirePageUser("viewer", "/activity");
  const params = await searchParams;
  redirectToCanonical(ACTIVITY_SPEC, "/activity", params);
  const { state, errors: tableErrors } = parseTableParams(ACTIVITY_SPEC, params);
  const values: FilterValues = { actor: first(params.actor), action: first(params.action), from: first(params.from), to: first(params.to) };
  const parsed = activityFiltersSchema.safeParse(values);
  const actors = await getAuditActors(getDb());
  const shown = new URLSearchParams(serialiseTableState(ACTIVITY_SPEC, state));
  const fieldErrors: Record<string, string[]> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "page")] ??= []).push(issue.message);
  return (
    <>
      <h1>Activity</h1>
      <p className="subtitle">Every decision and change: who made it, when, what it changed and why. Newest first.</p>
      <ActivityFilters values={values} actors={actors} errors={fieldErrors} keep={{ sort: shown.get("sort") ?? undefined, size: shown.get("size") ?? undefined }} />
      {!parsed.success ? (
        <p role="alert" className="notice bad">
          These filters cannot be used: {Object.entries(fieldErrors).map(([k, m]) => `${k}: ${m[0]}`).join("; ")}.
        </p>
      ) : tableErrors.length > 0 ? (
        <TableErrors errors={tableErrors} basePath="/activity" />
      ) : (
        <TableSuspense stateKey={JSON.stringify(state)} label="activity">
          <ActivityResults state={state} filters={parsed.data} />
        </TableSuspense>
      )}
    </>
  );
}
