// The registry's entries as one table: what, status, how bad, the evidence, every change, and the actions
// the signed-in person may take (lift a quarantine or a proposal; confirm a proposal).
import Link from "next/link";
import { LiftQuarantineForm } from "@/components/ui/lift-quarantine-form";
import { formatCount, formatPercent } from "@/components/ui/format";
import { LocalTime } from "@/components/ui/local-time";
import type { RegistryEntry } from "@/lib/queries/anti-patterns/get-registry-page";
import { ConfirmForm } from "./confirm-form";
import { EvidenceDetails } from "./evidence-details";
import { TableScroll } from "@/components/ui/table-scroll";

const BADGE: Record<string, string> = { quarantined: "bad", proposed: "warn", lifted: "ok", monitoring: "" };

function What({ entry }: { entry: RegistryEntry }) {
  if (entry.kind === "failing_pattern" && entry.patternId) {
    return (
      <>
        <Link href={`/patterns/${encodeURIComponent(entry.patternId)}`}>{entry.patternName ?? entry.patternId}</Link>
        <div className="muted">failing pattern</div>
      </>
    );
  }
  return (
    <>
      <span className="mono">{entry.signature ?? entry.signatureKey}</span>
      <div className="muted">recurring error</div>
      {entry.fixes.known ? (
        <div>
          <Link href={`/fixes?signature=${encodeURIComponent(entry.signatureKey ?? "")}`}>
            {entry.fixes.known} fix{entry.fixes.known > 1 ? "es" : ""} learned
          </Link>
          {entry.fixes.best ? <span className="muted"> (best: <span className="mono">{entry.fixes.best}</span>)</span> : null}
        </div>
      ) : (
        <div className="muted">no fix learned yet</div>
      )}
    </>
  );
}

export function RegistryTable({ rows, reviewer }: { rows: RegistryEntry[]; reviewer: boolean }) {
  return (
    <TableScroll label="Registry entries">
      <table className="data wide">
        <thead>
          <tr>
            <th>Entry</th>
            <th>Status</th>
            <th>Failures</th>
            <th>Timeline</th>
            {reviewer ? <th>Action</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.id} data-entry={e.id}>
              <td className="wrap-anywhere">
                <What entry={e} />
                <EvidenceDetails entry={e} />
              </td>
              <td>
                <span className={`badge ${BADGE[e.status] ?? ""}`}>{e.status}</span> {e.classification ? <span className="muted">{e.classification}</span> : null}
              </td>
              <td>
                {e.kind === "failing_pattern" ? <>{formatPercent(e.failureRate)} <span className="muted">({formatCount(e.occurrences)} failed)</span></> : formatCount(e.occurrences)}
                <div className="muted">
                  seen <LocalTime at={e.firstSeenAt.toISOString()} /> – <LocalTime at={e.lastSeenAt.toISOString()} />
                </div>
              </td>
              <td>
                {e.timeline.length ? (
                  <ol className="timeline">
                    {e.timeline.map((h) => (
                      <li key={h.id}>
                        <LocalTime at={h.at.toISOString()} /> · {h.action} by <span className="mono">{h.actor}</span>
                        {h.reason ? ` — ${h.reason}` : ""}
                      </li>
                    ))}
                  </ol>
                ) : (
                  <span className="muted">no change recorded</span>
                )}
              </td>
              {reviewer ? (
                <td>
                  {e.patternId && e.status === "proposed" ? <ConfirmForm patternId={e.patternId} /> : null}
                  {e.patternId && (e.status === "quarantined" || e.status === "proposed") ? <LiftQuarantineForm patternId={e.patternId} /> : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
