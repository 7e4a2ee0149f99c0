// What an entry was judged on, folded away until asked for: the detector's reason, the window and the
// failed runs (their ids as sent), or the patterns a recurring error failed in. All rendered as text.
import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import type { RegistryEntry } from "@/lib/queries/anti-patterns/get-registry-page";

export function EvidenceDetails({ entry }: { entry: RegistryEntry }) {
  const e = entry.evidence;
  return (
    <details className="evidence">
      <summary>Evidence</summary>
      {e.manual ? <p>Quarantined by hand{e.reason ? `: ${e.reason}` : ""}.</p> : e.reason ? <p className="wrap-anywhere">{e.reason}</p> : null}
      {e.window ? (
        <p>
          Window <LocalTime at={e.window.start} /> – <LocalTime at={e.window.end} />
          {e.considered !== null ? `, ${e.considered} runs considered` : ""}
        </p>
      ) : null}
      {e.failedRunIds.length ? (
        <p className="wrap-anywhere">
          Failed runs: <span className="mono">{e.failedRunIds.join(", ")}</span>
        </p>
      ) : null}
      {e.patternIds.length ? (
        <p className="wrap-anywhere">
          Failed in:{" "}
          {e.patternIds.map((id, i) => (
            <span key={id}>
              {i ? ", " : ""}
              <Link href={`/patterns/${encodeURIComponent(id)}`}>{id}</Link>
            </span>
          ))}
        </p>
      ) : null}
      {!e.reason && !e.window && !e.failedRunIds.length && !e.patternIds.length ? <p className="muted">No evidence recorded.</p> : null}
    </details>
  );
}
