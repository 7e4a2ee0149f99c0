"use client";
// Saves the previewed value. The key and value travel in hidden fields; the permalink is the preview's own
// URL, so a post made before JavaScript has loaded comes back to the same preview, with any refusal shown.
import { useActionState } from "react";
import { updateSettingAction, type UpdateSettingState } from "@/lib/actions/settings/update-setting";

export function SaveSettingForm({ settingKey, value, label }: { settingKey: string; value: string; label: string }) {
  const permalink = `/settings?${new URLSearchParams({ key: settingKey, value }).toString()}#save-setting`;
  const [state, action, pending] = useActionState<UpdateSettingState, FormData>(updateSettingAction, {}, permalink);
  const reasonError = state.fieldErrors?.reason?.[0];
  return (
    <form id="save-setting" action={action} className="stack-form narrow" aria-label={`Save ${label}`}>
      <input type="hidden" name="key" value={settingKey} />
      <input type="hidden" name="value" value={value} />
      <label>
        Why <span className="muted">(optional; shown in Activity)</span>
        <input name="reason" maxLength={500} autoComplete="off" aria-describedby={reasonError ? "save-reason-error" : undefined} />
      </label>
      {reasonError ? (
        <span id="save-reason-error" className="error-text">
          {reasonError}
        </span>
      ) : null}
      {state.message && !reasonError ? (
        <p role="alert" className="error-text">
          {state.message}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Saving…" : `Save ${label}`}
      </button>
    </form>
  );
}
