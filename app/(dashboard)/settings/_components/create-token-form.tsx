"use client";
// Creates an API token with its scopes and an optional expiry. The secret is in this action's answer only:
// shown here once, on the page that answers the post, and gone on the next load (only its hash is stored).
// Checkboxes and a date field: a plain form post carries them without JavaScript. Once a token is made the
// form gives way to a button that loads a fresh one: without JavaScript React keeps the form's state (the secret with
// it) in a hidden field of the form, which posting it again would send back.
import { useActionState } from "react";
import { createTokenAction, type CreateTokenState } from "@/lib/actions/tokens/create-token";
import { DEFAULT_SCOPES, SCOPE_MEANINGS, TOKEN_SCOPES } from "@/lib/auth/token-scopes";

/** Errors zod reports on the field itself or on one of its items (scopes.0). */
function errorOf(state: CreateTokenState, field: string): string | undefined {
  const entry = Object.entries(state.fieldErrors ?? {}).find(([path]) => path === field || path.startsWith(`${field}.`));
  return entry?.[1][0];
}

function FieldError({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <span id={id} className="error-text">
      {text}
    </span>
  ) : null;
}

export function CreateTokenForm() {
  const [state, action, pending] = useActionState<CreateTokenState, FormData>(createTokenAction, {}, "/settings#new-token");
  const refused = state.created ? null : state;
  const nameError = errorOf(state, "name");
  const scopesError = errorOf(state, "scopes");
  const expiresError = errorOf(state, "expires");
  const checked = new Set<string>(refused?.scopes ?? DEFAULT_SCOPES);
  return (
    <>
      {state.created ? (
        <>
          <div className="notice" role="status" data-testid="new-token">
            <p>
              Token <span className="mono">{state.created.name}</span> created ({state.created.scopes.join(", ")};{" "}
              {state.created.expiresAt ? `expires ${state.created.expiresAt.replace("T", " ").slice(0, 16)} UTC` : "never expires"}). Copy it now: it is
              shown only this once. Send it as <span className="mono">Authorization: Bearer &lt;token&gt;</span>.
            </p>
            <code className="secret mono" data-testid="token-secret">
              {state.created.secret}
            </code>
          </div>
          {/* a form, not a link: a link to the address already shown only scrolls, a form always loads it anew */}
          <form id="new-token" method="get" action="/settings#new-token">
            <button type="submit" className="button secondary">
              Create another token
            </button>
          </form>
        </>
      ) : (
        <form id="new-token" action={action} className="stack-form narrow" aria-label="Create a token">
          <label>
            Name <span className="muted">(to recognise it by, e.g. ci or agent-1)</span>
            <input name="name" required maxLength={64} defaultValue={refused?.name} autoComplete="off" aria-invalid={nameError ? true : undefined} aria-describedby={nameError ? "token-name-error" : undefined} />
          </label>
          <FieldError id="token-name-error" text={nameError} />
          <fieldset className="check-set" aria-describedby={scopesError ? "token-scopes-error" : undefined}>
            <legend>Scopes</legend>
            {TOKEN_SCOPES.map((scope) => (
              <label key={scope} className="check">
                <input type="checkbox" name="scope" value={scope} defaultChecked={checked.has(scope)} />
                <span className="mono">{scope}</span> <span className="muted">{SCOPE_MEANINGS[scope]}</span>
              </label>
            ))}
          </fieldset>
          <FieldError id="token-scopes-error" text={scopesError} />
          <label>
            Expires <span className="muted">(optional; it works through that day, UTC)</span>
            <input type="date" name="expires" defaultValue={refused?.expires} aria-invalid={expiresError ? true : undefined} aria-describedby={expiresError ? "token-expires-error" : undefined} />
          </label>
          <FieldError id="token-expires-error" text={expiresError} />
          <button type="submit" className="button" disabled={pending}>
            {pending ? "Creating…" : "Create token"}
          </button>
        </form>
      )}
    </>
  );
}
