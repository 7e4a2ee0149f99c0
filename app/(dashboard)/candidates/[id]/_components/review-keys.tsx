"use client";
// The keyboard review: j or n for the next pending candidate, k or p for the previous, a approves, r
// rejects (asking for a reason first when there is none), ? shows the keys. Keys are ignored while typing
// in a field, and with Ctrl/Alt/Meta held, so they never fight the browser or a text box.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { APPROVE_BUTTON, REASON_FIELD, REJECT_BUTTON } from "./review-form";

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

function submitWith(buttonId: string): boolean {
  const button = document.getElementById(buttonId);
  if (!(button instanceof HTMLButtonElement) || !button.form || button.disabled) return false;
  button.form.requestSubmit(button);
  return true;
}

const noSubscription = () => () => {};

export function ReviewKeys({
  candidateId,
  nextHref,
  previousHref,
  canDecide,
}: {
  candidateId: string;
  nextHref: string | null;
  previousHref: string | null;
  canDecide: boolean;
}) {
  const router = useRouter();
  // names the candidate whose keys are listening (data-keys-for): a key pressed before then would be lost
  const hintRef = useRef<HTMLParagraphElement>(null);
  const [help, setHelp] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  // the keys work once the page runs: the hint appears only then (never for a browser without JavaScript)
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setHelp(false);
        return;
      }
      if (event.ctrlKey || event.altKey || event.metaKey || typing(event.target)) return;
      const key = event.key;
      if (key === "?") setHelp((open) => !open);
      else if ((key === "j" || key === "n") && nextHref) router.push(nextHref);
      else if ((key === "k" || key === "p") && previousHref) router.push(previousHref);
      else if (key === "a" && canDecide) submitWith(APPROVE_BUTTON);
      else if (key === "r" && canDecide) {
        const reason = document.getElementById(REASON_FIELD);
        if (reason instanceof HTMLTextAreaElement && reason.value.trim().length >= 3) submitWith(REJECT_BUTTON);
        else if (reason instanceof HTMLTextAreaElement) {
          reason.focus();
          setHint("Say why it is rejected, then press Esc and r again (or the Reject button).");
        }
      } else return;
      event.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    const hint = hintRef.current;
    if (hint) hint.dataset.keysFor = candidateId;
    return () => {
      document.removeEventListener("keydown", onKey);
      if (hint) delete hint.dataset.keysFor;
    };
  }, [router, candidateId, nextHref, previousHref, canDecide]);
  // Esc inside the reason leaves the field, so the next key is a command again
  useEffect(() => {
    const onEscape = (event: KeyboardEvent) => {
      if (event.key === "Escape" && typing(event.target)) (event.target as HTMLElement).blur();
    };
    document.addEventListener("keydown", onEscape, true);
    return () => document.removeEventListener("keydown", onEscape, true);
  }, []);
  return (
    <>
      <p ref={hintRef} className="muted key-hint" aria-live="polite">
        {hint ?? (hydrated ? (
          <>
            Press <kbd>?</kbd> for keyboard shortcuts.
          </>
        ) : null)}
      </p>
      {help ? (
        <div className="key-help" role="dialog" aria-modal="true" aria-labelledby="key-help-title" onClick={() => setHelp(false)}>
          <div onClick={(e) => e.stopPropagation()}>
            <h2 id="key-help-title">Keyboard review</h2>
            <dl>
              <dt>
                <kbd>j</kbd> or <kbd>n</kbd>
              </dt>
              <dd>next pending candidate</dd>
              <dt>
                <kbd>k</kbd> or <kbd>p</kbd>
              </dt>
              <dd>previous pending candidate</dd>
              {canDecide ? (
                <>
                  <dt>
                    <kbd>a</kbd>
                  </dt>
                  <dd>approve (with the name and spec in the form)</dd>
                  <dt>
                    <kbd>r</kbd>
                  </dt>
                  <dd>reject with the reason typed (asks for one first)</dd>
                </>
              ) : null}
              <dt>
                <kbd>?</kbd>
              </dt>
              <dd>show or hide this help</dd>
              <dt>
                <kbd>Esc</kbd>
              </dt>
              <dd>close this help, or leave a text field</dd>
            </dl>
            <p className="muted">Keys do nothing while you type in a field. Enter never approves.</p>
            <button type="button" className="button small" onClick={() => setHelp(false)} autoFocus>
              Close
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}
