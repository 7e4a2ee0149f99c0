// The pattern's timeline from the audit log: quarantines (with their reasons), lifts, archives, baselines.
import { LocalTime } from "@/components/ui/local-time";
import { getDb } from "@/lib/db/client";
import { getPatternHistory } from "@/lib/queries/patterns/get-pattern-history";

export async function HistorySection(target: { patternId: string; antiPatternId: string | null; candidateId: string | null; selfHeal?: boolean }) {
  const events = await getPatternHistory(getDb(), target);
  if (events.length === 0) return <p className="muted">Nothing recorded yet.</p>;
  return (
    <ol className="timeline" aria-label="History, newest first">
      {events.map((e) => (
        <li key={e.id} data-action={e.action}>
          <LocalTime at={e.at.toISOString()} /> · <strong>{e.action}</strong> by <span className="mono">{e.actor}</span>
          {e.reason ? <> — {e.reason}</> : null}
        </li>
      ))}
    </ol>
  );
}
