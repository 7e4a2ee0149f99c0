"use client";
// The executions listing's columns: the id as sent, what ran, when, how long and how it ended.
import Link from "next/link";
import { columnHelper, DataTable, type DataColumns } from "@/components/table/data-table";
import type { TableUrlState } from "@/components/table/url-state";
import { formatDuration } from "@/components/ui/format";
import { LocalTime } from "@/components/ui/local-time";
import type { ExecutionListItem } from "@/lib/queries/executions/get-executions";
import { EXECUTIONS_SPEC } from "./executions-spec";

const col = columnHelper<ExecutionListItem>();
const columns: DataColumns<ExecutionListItem> = col.columns([
  col.accessor("id", { header: "Id", cell: (c) => <span className="mono">{c.getValue()}</span> }),
  col.accessor("operation", { header: "Operation" }),
  col.accessor("patternId", {
    header: "Pattern",
    cell: (c) => {
      const id = c.getValue();
      return id ? <Link href={`/executions?pattern=${encodeURIComponent(id)}`}>{id}</Link> : <span className="muted">ad hoc</span>;
    },
  }),
  col.accessor("startedAt", { id: "started", header: "Started", cell: (c) => <LocalTime at={c.getValue()} /> }),
  col.accessor("durationMs", { header: "Duration", cell: (c) => formatDuration(c.getValue()) }),
  col.display({
    id: "result",
    header: "Result",
    cell: ({ row: { original: r } }) => (
      <>
        <span className={`badge ${r.success ? "ok" : "bad"}`}>{r.success ? "ok" : "failed"}</span>
        {r.fix ? <div className="muted">retry with fix “{r.fix}”</div> : null}
        {r.errorMessage ? <div className="muted mono">{r.errorMessage.slice(0, 200)}</div> : null}
      </>
    ),
  }),
]);

export function ExecutionsTable(props: { rows: ExecutionListItem[]; total: number; totalCapped: boolean; state: TableUrlState }) {
  return <DataTable columns={columns} spec={EXECUTIONS_SPEC} basePath="/executions" caption="Executions" empty="No executions match." {...props} />;
}
