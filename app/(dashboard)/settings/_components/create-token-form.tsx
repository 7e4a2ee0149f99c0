"use client";
// Creates an API token. The secret is in this action's answer only: shown here once, on the page that
// answers the post, and gone on the next load (only its hash is stored).
import { useActionState } from "react";
import { createTokenAction, type CreateTokenState } from "@/lib/actions/tokens/create-token";

export function CreateTokenForm() {
  const [state, action, pending] = useActionState<CreateTokenState, FormData>(createTokenAction, {}, "/settings#new-token");
  const nameError = state.fieldErrors?.name?.[0];
  return (
    <>
      {state.created ? (
        <div className="notice" role="status" data-testid="new-token">
          <p>
            Token <span className="mono">{state.created.name}</span> created. Copy it now: it is shown only this once. Send it as{" "}
            <span className="mono">Authorization: Bearer &lt;token&gt;</span>.
          </p>
          <code className="secret mono" data-testid="token-secret">
            {state.created.secret}
          </code>
        </div>
      ) : null}
      <form id="new-token" action={action} className="stack-form narrow" aria-label="Create a token">
        <label>
          Name <span className="muted">(to recognise it by, e.g. ci or agent-1)</span>
          <input name="name" required maxLength={64} defaultValue={state.created ? "" : state.name} autoComplete="off" aria-invalid={nameError ? true : undefined} aria-describedby={nameError ? "token-name-error" : undefined} />
        </label>
        {nameError ? (
          <span id="token-name-error" className="error-text">
            {nameError}
          </span>
        ) : null}
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </button>
      </form>
    </>
  );
}
