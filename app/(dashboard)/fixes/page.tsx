// Learned fixes: what retries taught, a page at a time, with sort, filters and page in the URL; above
// them the recipes (fixes whose telemetry names a command), awaiting a decision first, for reviewers to
// approve or withdraw.
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
import { hasRole, requirePageUser } from "@/lib/auth/session";
import { Notice } from "@/components/ui/notice";
import { RecipeCard } from "@/components/ui/recipe-card";
import { ScriptedSuspense } from "@/components/ui/scripted-suspense";
import { readError } from "@/lib/actions/notice";
import { getRecipes } from "@/lib/queries/fixes/get-recipes";

/** Recipes shown at once; the rest are listed by `patterns recipes`. */
const RECIPES_SHOWN = 50;

export const metadata: Metadata = { title: "Fixes" };

async function FixesResults({ state }: { state: TableUrlState }) {
  const page = await getFixes(getDb(), { ...pageWindow(state), sort: state.sort as { id: FixSort; desc: boolean }, state: state.filters.state as FixState | undefined, q: state.q || undefined });
  return <FixesTable rows={page.rows} total={page.total} state={state} />;
}

async function Recipes({ reviewer }: { reviewer: boolean }) {
  const { rows, total } = await getRecipes(getDb(), { limit: RECIPES_SHOWN });
  if (!rows.length) {
    return (
      <p className="muted">
        No learned fix carries a command yet. A retry records one with <span className="mono">patterns exec --retry-of ID --fix TEXT --fix-cmd COMMAND -- …</span>.
      </p>
    );
  }
  const waiting = rows.filter((r) => r.recipe!.status !== "approved").length;
  return (
    <>
      <p className="muted">
        {waiting ? `${waiting} awaiting a decision. ` : ""}A command never runs until a reviewer approves its exact text; after that it runs while its fix carries the auto-apply mark.
        {total > rows.length ? ` Showing ${rows.length} of ${total}; patterns recipes lists them all.` : ""}
      </p>
      {rows.map((r) => (
        <RecipeCard key={r.id} recipe={r} reviewer={reviewer} from="fixes" />
      ))}
    </>
  );
}

export default async function FixesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  // every page checks the session itself: a client navigation may render the page without its layout
  const user = await requirePageUser("viewer", "/fixes");
  const params = await searchParams;
  redirectToCanonical(FIXES_SPEC, "/fixes", params);
  const { state, errors } = parseTableParams(FIXES_SPEC, params);
  return (
    <>
      <h1>Learned fixes</h1>
      <p className="subtitle">
        What retries taught: each fix with its record and the 95 % interval of its success rate. Auto-apply needs a rate of at least the setting and a lower bound of 0.70.
      </p>
      <Notice params={params} />
      {readError(params) ? <p role="alert" className="error-text">{readError(params)}</p> : null}
      <section className="panel" aria-labelledby="recipes-title" id="recipes">
        <h2 id="recipes-title">Recipes</h2>
        <ScriptedSuspense fallback={<div className="skeleton chart-skeleton" aria-label="Loading the recipes" />}>
          <Recipes reviewer={hasRole(user, "reviewer")} />
        </ScriptedSuspense>
      </section>
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
