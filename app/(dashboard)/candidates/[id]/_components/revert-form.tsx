"use client";
// Revert what aggressive mode approved by itself: the candidate goes back to the queue and its pattern is
// archived (kept if someone edited its spec since). Works without JavaScript (hidden id, own permalink).
import { useActionState } from "react";
import { revertAutoApprovalAction, type RevertState } from "@/lib/actions/candidates/revert-auto-approval";

export function RevertForm({ candidateId }: { candidateId: string }) {
  const anchor = `revert-${encodeURIComponent(candidateId)}`;
  const [state, action, pending] = useActionState<RevertState, FormData>(revertAutoApprovalAction, {}, `/candidates/${encodeURIComponent(candidateId)}#${anchor}`);
  return (
    <form id={anchor} action={action} className="review-form" aria-label="Revert the auto-approval">
      <button type="submit" disabled hidden aria-hidden="true" tabIndex={-1} />
      <input type="hidden" name="candidateId" value={candidateId} />
      <label>
        Why revert it
        <textarea name="reason" rows={2} maxLength={1000} required minLength={3} />
        {state.fieldErrors?.reason ? <span className="error-text">{state.fieldErrors.reason[0]}</span> : null}
      </label>
      <div className="buttons">
        <button type="submit" className="button secondary" disabled={pending}>
          Revert auto-approval
        </button>
      </div>
      {state.message ? (
        <p role="alert" className="error-text">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
