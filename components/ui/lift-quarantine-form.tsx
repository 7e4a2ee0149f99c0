"use client";
// Lifts a quarantine, from the registry or a pattern's page. The pattern id travels in a hidden field
// (never a bound argument) and the permalink is the page it is on, so a post made before JavaScript has
// loaded lifts once and lands back there with the result (issue 9). React keys a no-JavaScript post's
// state by the permalink alone, so each form's permalink names its own anchor.
import { useActionState } from "react";
import { liftQuarantineAction, type LiftState } from "@/lib/actions/quarantine/lift-quarantine";

export function LiftQuarantineForm({ patternId, from = "registry" }: { patternId: string; from?: "registry" | "pattern" }) {
  const anchor = `lift-${encodeURIComponent(patternId)}`;
  const page = from === "pattern" ? `/patterns/${encodeURIComponent(patternId)}` : "/anti-patterns";
  const [state, action, pending] = useActionState<LiftState, FormData>(liftQuarantineAction, {}, `${page}#${anchor}`);
  return (
    <form id={anchor} action={action} className="lift-form" aria-label={`Lift the quarantine of ${patternId}`}>
      <input type="hidden" name="patternId" value={patternId} />
      <input type="hidden" name="from" value={from} />
      <input name="reason" placeholder="Why it is safe again" aria-label="Reason" required minLength={3} maxLength={1000} />
      <button type="submit" className="button small" disabled={pending}>
        {pending ? "Lifting…" : "Lift quarantine"}
      </button>
      {(["patternId", "reason"] as const).map((field) =>
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
