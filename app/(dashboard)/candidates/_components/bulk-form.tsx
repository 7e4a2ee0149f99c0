"use client";
// Approve or reject the rows checked in the table (their `ids` checkboxes belong to this form). The reason
// is a textarea and both decisions are explicit buttons behind a disabled default button, so Enter never
// decides anything. The answer lists each row's outcome; the permalink renders it without JavaScript.
import Link from "next/link";
import { useActionState } from "react";
import { decideCandidatesAction, type BulkDecisionState } from "@/lib/actions/candidates/decide-candidates";

export function BulkForm() {
  const [state, action, pending] = useActionState<BulkDecisionState, FormData>(decideCandidatesAction, {}, "/candidates#bulk-decide");
  const done = state.results?.filter((r) => r.ok).length ?? 0;
  const failed = state.results?.filter((r) => !r.ok) ?? [];
  return (
    <form id="bulk-decide" action={action} className="bulk-form" aria-label="Bulk decision on the selected candidates">
      {/* the default button: implicit submission (Enter) finds it disabled and does nothing */}
      <button type="submit" disabled hidden aria-hidden="true" tabIndex={-1} />
      <label>
        Reason for the selected (required to reject)
        <textarea name="reason" rows={2} maxLength={1000} />
      </label>
      <div className="bulk-buttons">
        <button type="submit" name="decision" value="approve" className="button small" disabled={pending}>
          Approve selected
        </button>
        <button type="submit" name="decision" value="reject" className="button small secondary" disabled={pending}>
          Reject selected
        </button>
      </div>
      {(["ids", "reason", "decision"] as const).map((field) =>
        state.fieldErrors?.[field] ? (
          <p key={field} className="error-text" role="alert">
            {state.fieldErrors[field][0]}
          </p>
        ) : null,
      )}
      {state.message ? <p role="alert" className="error-text">{state.message}</p> : null}
      {state.results ? (
        <div role="status" className={`notice ${failed.length ? "warn" : ""}`}>
          <p>
            {done} {state.decision === "approve" ? "approved" : "rejected"}
            {failed.length ? `, ${failed.length} not changed:` : "."}
          </p>
          {failed.length ? (
            <ul>
              {failed.map((r) =>
                r.ok ? null : (
                  <li key={r.id}>
                    <Link href={`/candidates/${encodeURIComponent(r.id)}`} className="mono">
                      {r.id}
                    </Link>
                    : {r.error}
                  </li>
                ),
              )}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
