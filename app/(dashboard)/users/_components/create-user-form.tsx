"use client";
// Adds a person; works before JavaScript has loaded (the state comes back on this page on a plain post).
import { useActionState } from "react";
import { createUserAction, type CreateUserState } from "@/lib/actions/users/create-user";

export function CreateUserForm({ roles }: { roles: readonly string[] }) {
  const [state, action, pending] = useActionState<CreateUserState, FormData>(createUserAction, {}, "/users#new-user");
  const error = (field: string) => (state.fieldErrors?.[field] ? <span className="error-text">{state.fieldErrors[field][0]}</span> : null);
  return (
    <form id="new-user" action={action} className="stack-form narrow" aria-label="Add someone">
      <label>
        Email
        <input name="email" type="email" required maxLength={254} defaultValue={state.values?.email} autoComplete="off" />
      </label>
      {error("email")}
      <label>
        Name <span className="muted">(optional)</span>
        <input name="name" maxLength={200} defaultValue={state.values?.name} autoComplete="off" />
      </label>
      <label>
        Role
        <select name="role" defaultValue={state.values?.role ?? "viewer"}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      {error("role")}
      <label>
        Password <span className="muted">(at least 10 characters; tell them, they sign in with it)</span>
        <input name="password" type="password" required minLength={10} maxLength={256} autoComplete="new-password" />
      </label>
      {error("password")}
      {state.message && !state.fieldErrors ? (
        <p role="alert" className="error-text">
          {state.message}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Adding…" : "Add user"}
      </button>
    </form>
  );
}
