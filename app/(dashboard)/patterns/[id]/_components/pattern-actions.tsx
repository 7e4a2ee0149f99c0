// What the signed-in person may do to this pattern, and only that: reviewers lift, quarantine by hand,
// archive or restore; admins also set the baseline for time saved. Plain forms (no JavaScript needed)
// carrying the id in a hidden field; a viewer gets no form at all.
import { LiftQuarantineForm } from "@/components/ui/lift-quarantine-form";
import { formatDuration } from "@/components/ui/format";
import { archivePatternAction } from "@/lib/actions/patterns/archive-pattern";
import { quarantinePatternAction } from "@/lib/actions/patterns/quarantine-pattern";
import { setPatternBaselineAction } from "@/lib/actions/patterns/set-pattern-baseline";
import type { PatternDetail } from "@/lib/queries/patterns/get-pattern";
import { RestoreForm } from "../../_components/restore-form";

export function PatternActions({ pattern, reviewer, admin }: { pattern: PatternDetail; reviewer: boolean; admin: boolean }) {
  if (!reviewer) return <p className="muted">You can read this pattern; reviewers quarantine, lift and archive it.</p>;
  const open = pattern.status === "active" || pattern.status === "draft";
  return (
    <div className="actions-grid">
      {pattern.status === "quarantined" ? (
        <div>
          <h3>Lift the quarantine</h3>
          <LiftQuarantineForm patternId={pattern.id} from="pattern" />
        </div>
      ) : null}
      {open ? (
        <form action={quarantinePatternAction} aria-label="Quarantine by hand">
          <h3>Quarantine by hand</h3>
          <input type="hidden" name="patternId" value={pattern.id} />
          <label htmlFor="quarantine-reason" className="muted">Why it must not run</label>
          <input id="quarantine-reason" name="reason" required minLength={3} maxLength={1000} />
          <button type="submit" className="button small">Quarantine</button>
        </form>
      ) : null}
      {open ? (
        <form action={archivePatternAction} aria-label="Archive">
          <h3>Archive</h3>
          <input type="hidden" name="patternId" value={pattern.id} />
          <label htmlFor="archive-reason" className="muted">Why it is no longer needed</label>
          <input id="archive-reason" name="reason" required minLength={3} maxLength={1000} />
          <button type="submit" className="button small secondary">Archive</button>
        </form>
      ) : null}
      {pattern.status === "archived" ? (
        <div>
          <h3>Restore</h3>
          <RestoreForm patternId={pattern.id} />
        </div>
      ) : null}
      {admin ? (
        <form action={setPatternBaselineAction} aria-label="Baseline for time saved">
          <h3>Baseline for time saved</h3>
          <p className="muted">
            Now: {pattern.baselineDurationMs === null ? "none" : formatDuration(Math.round(pattern.baselineDurationMs))}
            {pattern.baselineSource ? ` (${pattern.baselineSource === "admin" ? "set by an admin" : "median of the evidence runs"})` : ""}
          </p>
          <input type="hidden" name="patternId" value={pattern.id} />
          <label htmlFor="baseline-seconds" className="muted">Seconds a run took by hand (empty: the evidence&rsquo;s median)</label>
          <input id="baseline-seconds" name="seconds" inputMode="decimal" pattern="\d+(\.\d{1,3})?" maxLength={20} />
          <button type="submit" className="button small secondary">Save baseline</button>
        </form>
      ) : null}
    </div>
  );
}
