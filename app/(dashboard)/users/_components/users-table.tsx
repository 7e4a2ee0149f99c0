"use client";
// The Users listing's columns: email, name, role (a form to change it, except on your own row) and when
// each last signed in.
import { columnHelper, DataTable, type DataColumns } from "@/components/table/data-table";
import type { TableUrlState } from "@/components/table/url-state";
import { LocalTime } from "@/components/ui/local-time";
import type { UserRow } from "@/lib/queries/users/get-users";
import { ROLES } from "@/lib/auth/roles";
import { RoleForm } from "./role-form";
import { USERS_SPEC } from "./users-spec";

/** a user as the page hands it over: `me` marks the signed-in admin, whose own role is not changed here */
export type UserTableRow = UserRow & { me: boolean };

const col = columnHelper<UserTableRow>();
const columns: DataColumns<UserTableRow> = col.columns([
  col.accessor("email", { header: "Email", cell: (c) => <span className="mono">{c.getValue()}</span> }),
  col.accessor("name", { header: "Name" }),
  col.accessor("role", {
    header: "Role",
    cell: ({ row: { original: u } }) => (u.me ? <span className="badge">{u.role} (you)</span> : <RoleForm userId={u.id} email={u.email} role={u.role} roles={ROLES} />),
  }),
  col.accessor("lastSignInAt", { header: "Last signed in", cell: (c) => <span className="muted">{c.getValue() ? <LocalTime at={c.getValue()!} /> : "never"}</span> }),
]);

export function UsersTable(props: { rows: UserTableRow[]; total: number; state: TableUrlState }) {
  return <DataTable columns={columns} spec={USERS_SPEC} basePath="/users" caption="People" empty="No one matches." {...props} />;
}
