// Restores an archived pattern: a plain server-rendered form (works without JavaScript); the id rides
// in a hidden field and the action validates it like the rest. Shown to reviewers and admins only.
import { unarchivePatternAction } from "@/lib/actions/patterns/unarchive-pattern";

export function RestoreForm({ patternId }: { patternId: string }) {
  return (
    <form action={unarchivePatternAction} className="lift-form" aria-label={`Restore ${patternId}`}>
      <input type="hidden" name="patternId" value={patternId} />
      <input name="reason" placeholder="Why it is needed again" aria-label="Reason" required minLength={3} maxLength={1000} />
      <button type="submit" className="button small">Restore</button>
    </form>
  );
}
