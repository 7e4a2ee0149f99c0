"use client";
// The registry's entries as one table: what, status, how bad, the evidence, every change, and the actions
// the signed-in person may take (lift a quarantine or a proposal; confirm a proposal). On the one data table.
import Link from "next/link";
import { columnHelper, DataTable, type DataColumns } from "@/components/table/data-table";
import type { TableUrlState } from "@/components/table/url-state";
import { LiftQuarantineForm } from "@/components/ui/lift-quarantine-form";
import { formatCount, formatPercent } from "@/components/ui/format";
import { LocalTime } from "@/components/ui/local-time";
import type { RegistryEntry } from "@/lib/queries/anti-patterns/get-registry-page";
import { ConfirmForm } from "./confirm-form";
import { EvidenceDetails } from "./evidence-details";
import { REGISTRY_SPEC } from "./registry-spec";

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

function Failures({ e }: { e: RegistryEntry }) {
  return (
    <>
      {e.kind === "failing_pattern" ? <>{formatPercent(e.failureRate)} <span className="muted">({formatCount(e.occurrences)} failed)</span></> : formatCount(e.occurrences)}
      <div className="muted">
        seen <LocalTime at={e.firstSeenAt.toISOString()} /> – <LocalTime at={e.lastSeenAt.toISOString()} />
      </div>
    </>
  );
}

function Timeline({ e }: { e: RegistryEntry }) {
  if (!e.timeline.length) return <span className="muted">no change recorded</span>;
  return (
    <ol className="timeline">
      {e.timeline.map((h) => (
        <li key={h.id}>
          <LocalTime at={h.at.toISOString()} /> · {h.action} by <span className="mono">{h.actor}</span>
          {h.reason ? ` — ${h.reason}` : ""}
        </li>
      ))}
    </ol>
  );
}

const col = columnHelper<RegistryEntry>();
const base: DataColumns<RegistryEntry> = col.columns([
  col.display({
    id: "entry",
    header: "Entry",
    cell: ({ row: { original: e } }) => (
      <div className="wrap-anywhere">
        <What entry={e} />
        <EvidenceDetails entry={e} />
      </div>
    ),
  }),
  col.accessor("status", {
    header: "Status",
    cell: ({ row: { original: e } }) => (
      <>
        <span className={`badge ${BADGE[e.status] ?? ""}`}>{e.status}</span> {e.classification ? <span className="muted">{e.classification}</span> : null}
      </>
    ),
  }),
  col.accessor("occurrences", { header: "Failures", cell: ({ row }) => <Failures e={row.original} /> }),
  col.display({ id: "timeline", header: "Timeline", cell: ({ row }) => <Timeline e={row.original} /> }),
]);
// a reviewer also sees what they may do: confirm a proposal, lift a proposal or a quarantine
const withActions: DataColumns<RegistryEntry> = [
  ...base,
  ...col.columns([
    col.display({
      id: "action",
      header: "Action",
      cell: ({ row: { original: e } }) => (
        <>
          {e.patternId && e.status === "proposed" ? <ConfirmForm patternId={e.patternId} /> : null}
          {e.patternId && (e.status === "quarantined" || e.status === "proposed") ? <LiftQuarantineForm patternId={e.patternId} /> : null}
        </>
      ),
    }),
  ]),
];

export function RegistryTable({ reviewer, ...props }: { rows: RegistryEntry[]; total: number; state: TableUrlState; reviewer: boolean }) {
  return <DataTable columns={reviewer ? withActions : base} spec={REGISTRY_SPEC} basePath="/anti-patterns" caption="Registry entries" empty="No entry matches." {...props} />;
}
