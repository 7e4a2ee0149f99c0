// Confirms a proposed quarantine (aggressive mode off): a plain server-rendered form, works without
// JavaScript; the pattern id rides in a hidden field. Shown to reviewers and admins only.
import { confirmQuarantineAction } from "@/lib/actions/quarantine/confirm-quarantine";

export function ConfirmForm({ patternId }: { patternId: string }) {
  return (
    <form action={confirmQuarantineAction} className="lift-form" aria-label={`Confirm the quarantine of ${patternId}`}>
      <input type="hidden" name="patternId" value={patternId} />
      <input name="reason" placeholder="Note (optional)" aria-label="Note" maxLength={1000} />
      <button type="submit" className="button small">Confirm quarantine</button>
    </form>
  );
}
