"use client";
// Changes one person's role; the user id travels in a hidden field, the permalink names this row's anchor.
import { useActionState } from "react";
import { setUserRoleAction, type SetUserRoleState } from "@/lib/actions/users/set-user-role";

export function RoleForm({ userId, email, role, roles }: { userId: string; email: string; role: string; roles: readonly string[] }) {
  const anchor = `role-${encodeURIComponent(userId)}`;
  const [state, action, pending] = useActionState<SetUserRoleState, FormData>(setUserRoleAction, {}, `/users#${anchor}`);
  return (
    <form id={anchor} action={action} className="lift-form" aria-label={`Role of ${email}`}>
      <input type="hidden" name="userId" value={userId} />
      <select name="role" defaultValue={role} aria-label={`Role of ${email}`}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <button type="submit" className="button small secondary" disabled={pending}>
        Save
      </button>
      {state.message ? (
        <span role="alert" className="error-text">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
