"use client";
// Approve (optionally under another name, or with the spec edited) or reject the candidate on screen. The
// reason is a textarea, and a disabled default button comes first, so Enter in any field never submits:
// only the Approve and Reject buttons (or the a / r keys) decide. The id travels in a hidden field and the
// permalink is this page's own anchor, so the form works before or without JavaScript (issue 9).
import { useActionState } from "react";
import { decideCandidateAction, type DecisionState } from "@/lib/actions/candidates/decide-candidate";

export const APPROVE_BUTTON = "review-approve";
export const REJECT_BUTTON = "review-reject";
export const REASON_FIELD = "review-reason";

export function ReviewForm({ candidateId, name, proposedSpec }: { candidateId: string; name: string; proposedSpec: string | null }) {
  const anchor = `decide-${encodeURIComponent(candidateId)}`;
  const [state, action, pending] = useActionState<DecisionState, FormData>(decideCandidateAction, {}, `/candidates/${encodeURIComponent(candidateId)}#${anchor}`);
  const error = (field: keyof NonNullable<DecisionState["fieldErrors"]>) =>
    state.fieldErrors?.[field] ? (
      <span className="error-text" role="alert">
        {state.fieldErrors[field].join("; ")}
      </span>
    ) : null;
  return (
    <form id={anchor} action={action} className="review-form" aria-label={`Decide on ${name}`}>
      <button type="submit" disabled hidden aria-hidden="true" tabIndex={-1} />
      <input type="hidden" name="candidateId" value={candidateId} />
      <label>
        Why (required to reject; Enter adds a line)
        <textarea id={REASON_FIELD} name="reason" rows={3} maxLength={1000} defaultValue={state.values?.reason ?? ""} />
        {error("reason")}
      </label>
      {proposedSpec ? (
        <details open={!!(state.fieldErrors?.name || state.fieldErrors?.spec)}>
          <summary>Approve under another name, or edit the spec</summary>
          <label>
            Pattern name (empty keeps “{name}”)
            <input type="text" name="name" maxLength={200} autoComplete="off" defaultValue={state.values?.name ?? ""} />
            {error("name")}
          </label>
          <label>
            Spec (YAML, checked before it is saved)
            <textarea name="spec" className="spec-edit" defaultValue={state.values?.spec ?? proposedSpec} spellCheck={false} />
            {error("spec")}
          </label>
        </details>
      ) : null}
      <div className="buttons">
        <button id={APPROVE_BUTTON} type="submit" name="decision" value="approve" className="button" disabled={pending} aria-keyshortcuts="a">
          Approve
        </button>
        <button id={REJECT_BUTTON} type="submit" name="decision" value="reject" className="button secondary" disabled={pending} aria-keyshortcuts="r">
          Reject
        </button>
      </div>
      {error("decision")}
      {error("candidateId")}
      {state.message ? (
        <p role="alert" className="error-text">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
