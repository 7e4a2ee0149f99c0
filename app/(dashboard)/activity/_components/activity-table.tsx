"use client";
// The Activity listing's columns: when, who, which action, what it touched (linked where it has a page),
// the change as before → after, and why.
import Link from "next/link";
import { columnHelper, DataTable, type DataColumns } from "@/components/table/data-table";
import type { TableSpec, TableUrlState } from "@/components/table/url-state";
import { LocalTime } from "@/components/ui/local-time";
import type { AuditEventRow } from "@/lib/queries/activity/get-audit-events";
import { showValue, targetHref } from "./target-href";

function Target({ e }: { e: AuditEventRow }) {
  const href = targetHref(e.targetType, e.targetId);
  const label = (
    <>
      <span className="muted">{e.targetType.replace("_", " ")}</span> <span className="mono">{e.targetId}</span>
    </>
  );
  // no prefetch: a page of the log links to up to 200 different pages, few of which are opened
  return href ? (
    <Link href={href} prefetch={false}>
      {label}
    </Link>
  ) : (
    label
  );
}

function Change({ e }: { e: AuditEventRow }) {
  if (e.before === undefined && e.after === undefined) return <span className="muted">—</span>;
  return (
    <span className="mono">
      {e.before !== undefined ? <del>{showValue(e.before)}</del> : null}
      {e.before !== undefined && e.after !== undefined ? " → " : null}
      {e.after !== undefined ? <ins>{showValue(e.after)}</ins> : null}
    </span>
  );
}

const col = columnHelper<AuditEventRow>();
const columns: DataColumns<AuditEventRow> = col.columns([
  col.accessor("at", { header: "When", cell: (c) => <span className="nowrap"><LocalTime at={c.getValue()} /></span> }),
  col.accessor("actor", { header: "Who", cell: (c) => <span className="mono">{c.getValue()}</span> }),
  col.accessor("action", { header: "Action", cell: (c) => <span className="badge">{c.getValue()}</span> }),
  col.display({ id: "target", header: "What", cell: ({ row }) => <div className="wrap"><Target e={row.original} /></div> }),
  col.display({ id: "change", header: "Change", cell: ({ row }) => <div className="wrap"><Change e={row.original} /></div> }),
  col.accessor("reason", { header: "Why", cell: (c) => <div className="wrap">{c.getValue() ?? <span className="muted">—</span>}</div> }),
]);

/** `spec` comes from the page (the action list is server-side) */
export function ActivityTable(props: { rows: AuditEventRow[]; total: number; state: TableUrlState; spec: TableSpec }) {
  return (
    <div className="activity">
      <DataTable columns={columns} basePath="/activity" caption="Activity events" empty="Nothing matches these filters." {...props} />
    </div>
  );
}
