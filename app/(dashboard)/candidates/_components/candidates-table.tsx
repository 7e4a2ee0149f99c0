"use client";
// The review queue's columns. Pending rows carry a checkbox for the bulk form (reviewers only); decided
// rows say who decided, when and why.
import Link from "next/link";
import { columnHelper, DataTable, type DataColumns } from "@/components/table/data-table";
import type { TableUrlState } from "@/components/table/url-state";
import { formatPercent } from "@/components/ui/format";
import { LocalTime } from "@/components/ui/local-time";
import type { CandidateRow } from "@/lib/queries/candidates/get-candidate-page";
import { CANDIDATES_SPEC, KIND_LABELS, STATUS_LABELS } from "./candidates-spec";
import { evidenceLabel, statusTone } from "./candidate-labels";

const col = columnHelper<CandidateRow>();
const columns: DataColumns<CandidateRow> = col.columns([
  col.accessor("name", { header: "Candidate", cell: ({ row: { original: c } }) => <Link href={`/candidates/${encodeURIComponent(c.id)}`}>{c.name}</Link> }),
  col.accessor("kind", { header: "Kind", cell: (c) => KIND_LABELS[c.getValue()] ?? c.getValue() }),
  col.accessor("status", { header: "Status", cell: (c) => <span className={`badge ${statusTone(c.getValue())}`}>{STATUS_LABELS[c.getValue()] ?? c.getValue()}</span> }),
  col.accessor("confidence", { header: "Confidence", cell: (c) => formatPercent(c.getValue()) }),
  col.accessor("evidenceCount", { id: "evidence", header: "Evidence", cell: ({ row: { original: c } }) => evidenceLabel(c.kind, c.evidenceCount) }),
  col.accessor("decidedAt", {
    id: "decided",
    header: "Decided",
    cell: ({ row: { original: c } }) =>
      c.decidedAt ? (
        <>
          {c.decidedBy} · <LocalTime at={c.decidedAt} />
          {c.decisionReason ? <div className="muted">{c.decisionReason}</div> : null}
        </>
      ) : (
        <span className="muted">—</span>
      ),
  }),
  col.accessor("updatedAt", { id: "updated", header: "Updated", cell: (c) => <LocalTime at={c.getValue()} /> }),
]);

export function CandidatesTable(props: { rows: CandidateRow[]; total: number; state: TableUrlState; selectable: boolean }) {
  const { selectable, ...rest } = props;
  return (
    <DataTable
      key={props.rows.map((r) => `${r.id}:${r.status}`).join(",")}
      columns={columns}
      spec={CANDIDATES_SPEC}
      basePath="/candidates"
      caption="Candidates"
      empty="No candidate matches these filters."
      selection={selectable ? { formId: "bulk-decide", canSelect: (c) => c.status === "pending", label: (c) => c.name } : undefined}
      {...rest}
    />
  );
}
