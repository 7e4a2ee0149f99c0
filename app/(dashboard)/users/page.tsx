import type { Metadata } from "next";
import { connection } from "next/server";
import { LocalTime } from "@/components/ui/local-time";
import { Notice } from "@/components/ui/notice";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { ROLES } from "@/lib/schemas/user";
import { getUsers } from "@/lib/queries/users/get-users";
import { CreateUserForm } from "./_components/create-user-form";
import { RoleForm } from "./_components/role-form";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const me = await requirePageUser("admin", "/users");
  const params = await searchParams;
  const users = await getUsers(getDb());
  return (
    <>
      <h1>Users</h1>
      <p className="subtitle">Who can sign in, and what they may do: viewers read; reviewers also decide candidates and lift quarantines; admins also change settings, tokens, users and run jobs.</p>
      <Notice params={params} />
      <section className="panel" aria-labelledby="users-title">
        <h2 id="users-title">People ({users.length})</h2>
        <TableScroll label="People">
          <table className="data">
            <thead>
              <tr>
                <th>Email</th>
                <th>Name</th>
                <th>Role</th>
                <th>Last signed in</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td className="mono">{u.email}</td>
                  <td>{u.name}</td>
                  <td>{u.id === me.id ? <span className="badge">{u.role} (you)</span> : <RoleForm userId={u.id} email={u.email} role={u.role} roles={ROLES} />}</td>
                  <td className="muted">{u.lastSignInAt ? <LocalTime at={u.lastSignInAt} /> : "never"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section className="panel" aria-labelledby="new-user-title">
        <h2 id="new-user-title">Add someone</h2>
        <CreateUserForm roles={ROLES} />
      </section>
    </>
  );
}
