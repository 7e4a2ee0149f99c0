"use client";
// The candidate id travels in a hidden field (never a bound argument) and the permalink is this page, so a
// post made before JavaScript has loaded decides once and lands back here with the result (issue 9). React
// keys a no-JavaScript post's state by the permalink alone, so each form's permalink names its own anchor.
import { useActionState } from "react";
import { decideCandidateAction, type DecisionState } from "@/lib/actions/candidates/decide-candidate";

export function DecisionForm({ candidateId, name }: { candidateId: string; name: string }) {
  const anchor = `decide-${encodeURIComponent(candidateId)}`;
  const [state, action, pending] = useActionState<DecisionState, FormData>(decideCandidateAction, {}, `/candidates#${anchor}`);
  return (
    <form id={anchor} action={action} className="lift-form" aria-label={`Decide on ${name}`}>
      <input type="hidden" name="candidateId" value={candidateId} />
      <input name="reason" placeholder="Why" aria-label="Reason" required maxLength={1000} />
      <button type="submit" name="decision" value="approve" className="button small" disabled={pending}>
        Approve
      </button>
      <button type="submit" name="decision" value="reject" className="button small secondary" disabled={pending}>
        Reject
      </button>
      {(["candidateId", "reason", "decision"] as const).map((field) =>
        state.fieldErrors?.[field] ? (
          <span key={field} className="error-text">
            {state.fieldErrors[field][0]}
          </span>
        ) : null,
      )}
      {state.message ? <span role="alert" className="error-text">{state.message}</span> : null}
    </form>
  );
}
