"use client";
import { useActionState } from "react";
import { decideCandidateAction, type DecisionState } from "@/lib/actions/candidates/decide-candidate";

export function DecisionForm({ candidateId, name }: { candidateId: string; name: string }) {
  const [state, action, pending] = useActionState<DecisionState, FormData>(decideCandidateAction.bind(null, candidateId), {});
  if (state.ok) return <p role="status" className="muted">{state.message}</p>;
  return (
    <form action={action} className="lift-form" aria-label={`Decide on ${name}`}>
      <input name="by" placeholder="Your name" aria-label="Your name" required maxLength={200} />
      <input name="reason" placeholder="Why" aria-label="Reason" required maxLength={1000} />
      <button type="submit" name="decision" value="approve" className="button small" disabled={pending}>
        Approve
      </button>
      <button type="submit" name="decision" value="reject" className="button small secondary" disabled={pending}>
        Reject
      </button>
      {state.fieldErrors?.by ? <span className="error-text">{state.fieldErrors.by[0]}</span> : null}
      {state.fieldErrors?.reason ? <span className="error-text">{state.fieldErrors.reason[0]}</span> : null}
      {state.message ? <span role="alert" className="error-text">{state.message}</span> : null}
    </form>
  );
}
