"use client";
// Works before JavaScript has loaded: a plain post signs in and redirects; an error renders on this page.
import { useActionState } from "react";
import { signInAction, type SignInState } from "@/lib/actions/auth/sign-in";

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {}, `/sign-in?next=${encodeURIComponent(next)}`);
  return (
    <form action={action} className="stack-form" aria-label="Sign in">
      <input type="hidden" name="next" value={next} />
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required maxLength={254} defaultValue={state.email} />
      </label>
      {state.fieldErrors?.email ? <span className="error-text">{state.fieldErrors.email[0]}</span> : null}
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required maxLength={256} />
      </label>
      {state.fieldErrors?.password ? <span className="error-text">{state.fieldErrors.password[0]}</span> : null}
      {state.message ? (
        <p role="alert" className="error-text">
          {state.message}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
