"use client";
// Revokes one token; its name travels in a hidden field, the permalink names this row's anchor.
import { useActionState } from "react";
import { revokeTokenAction, type RevokeTokenState } from "@/lib/actions/tokens/revoke-token";

export function RevokeTokenForm({ name }: { name: string }) {
  const anchor = `revoke-${encodeURIComponent(name)}`;
  const [state, action, pending] = useActionState<RevokeTokenState, FormData>(revokeTokenAction, {}, `/settings#${anchor}`);
  return (
    <form id={anchor} action={action} className="lift-form" aria-label={`Revoke ${name}`}>
      <input type="hidden" name="name" value={name} />
      <button type="submit" className="button small secondary" disabled={pending}>
        Revoke
      </button>
      {state.message ? (
        <span role="alert" className="error-text">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
