"use client";
import { useActionState } from "react";
import { liftQuarantineAction, type LiftState } from "@/lib/actions/quarantine/lift-quarantine";

export function LiftForm({ patternId }: { patternId: string }) {
  const [state, action, pending] = useActionState<LiftState, FormData>(liftQuarantineAction.bind(null, patternId), {});
  if (state.ok) return <p role="status" className="muted">{state.message}</p>;
  return (
    <form action={action} className="lift-form" aria-label={`Lift the quarantine of ${patternId}`}>
      <input name="by" placeholder="Your name" aria-label="Your name" required maxLength={200} />
      <input name="reason" placeholder="Why it is safe again" aria-label="Reason" required minLength={3} maxLength={1000} />
      <button type="submit" className="button small" disabled={pending}>
        {pending ? "Lifting…" : "Lift quarantine"}
      </button>
      {state.fieldErrors?.by ? <span className="error-text">{state.fieldErrors.by[0]}</span> : null}
      {state.fieldErrors?.reason ? <span className="error-text">{state.fieldErrors.reason[0]}</span> : null}
      {state.message ? <span role="alert" className="error-text">{state.message}</span> : null}
    </form>
  );
}
