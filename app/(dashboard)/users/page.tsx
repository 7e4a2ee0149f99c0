// Who can sign in and what they may do, for admins: the people on the one data table (sorted, filtered by
// role, searched and paged on the server, all in the URL), each with a form to change their role, and a
// form to add someone.
import type { Metadata } from "next";
import { connection } from "next/server";
import { redirectToCanonical } from "@/components/table/canonical-redirect";
import { TableErrors } from "@/components/table/table-errors";
import { TableFilters } from "@/components/table/table-filters";
import { TableSuspense } from "@/components/table/table-suspense";
import { pageWindow, parseTableParams, type TableUrlState } from "@/components/table/url-state";
import { formatCount } from "@/components/ui/format";
import { Notice } from "@/components/ui/notice";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { ROLES } from "@/lib/schemas/user";
import { getUsersPage, type UserSort } from "@/lib/queries/users/get-users-page";
import { CreateUserForm } from "./_components/create-user-form";
import { USERS_SPEC } from "./_components/users-spec";
import { UsersTable } from "./_components/users-table";

export const metadata: Metadata = { title: "Users" };

async function UsersResults({ state, meId }: { state: TableUrlState; meId: string }) {
  const page = await getUsersPage(getDb(), { ...pageWindow(state), sort: state.sort as { id: UserSort; desc: boolean }, role: state.filters.role as string | undefined, q: state.q || undefined });
  return (
    <>
      <h2 id="users-title">People ({formatCount(page.total)})</h2>
      <UsersTable rows={page.rows.map((u) => ({ ...u, me: u.id === meId }))} total={page.total} state={state} />
    </>
  );
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const me = await requirePageUser("admin", "/users");
  const params = await searchParams;
  redirectToCanonical(USERS_SPEC, "/users", params);
  const { state, errors } = parseTableParams(USERS_SPEC, params);
  return (
    <>
      <h1>Users</h1>
      <p className="subtitle">Who can sign in, and what they may do: viewers read; reviewers also decide candidates and lift quarantines; admins also change settings, tokens, users and run jobs.</p>
      <Notice params={params} />
      <section className="panel" aria-labelledby="users-title">
        <TableFilters spec={USERS_SPEC} state={state} basePath="/users" id="users" />
        {errors.length > 0 ? (
          <>
            <h2 id="users-title">People</h2>
            <TableErrors errors={errors} basePath="/users" />
          </>
        ) : (
          <TableSuspense stateKey={JSON.stringify(state)} label="people">
            <UsersResults state={state} meId={me.id} />
          </TableSuspense>
        )}
      </section>
      <section className="panel" aria-labelledby="new-user-title">
        <h2 id="new-user-title">Add someone</h2>
        <CreateUserForm roles={ROLES} />
      </section>
    </>
  );
}
