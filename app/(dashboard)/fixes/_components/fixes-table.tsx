"use client";
// The fixes listing's columns: the error, the fix, its record and what the learner made of it.
import { columnHelper, DataTable, type DataColumns } from "@/components/table/data-table";
import type { TableUrlState } from "@/components/table/url-state";
import { formatPercent } from "@/components/ui/format";
import { LocalTime } from "@/components/ui/local-time";
import type { FixItem } from "@/lib/queries/fixes/get-fixes";
import { FIXES_SPEC } from "./fixes-spec";

const col = columnHelper<FixItem>();
const columns: DataColumns<FixItem> = col.columns([
  col.accessor("signature", { header: "Error signature", cell: (c) => <span className="mono">{c.getValue()}</span> }),
  col.accessor("fix", { header: "Fix", cell: (c) => <span className="mono">{c.getValue()}</span> }),
  col.accessor("successes", { header: "Successes", cell: ({ row: { original: f } }) => `${f.successes} of ${f.attempts}` }),
  col.accessor("attempts", { header: "Attempts" }),
  col.display({
    id: "rate",
    header: "Success rate (95 %)",
    cell: ({ row: { original: f } }) => (
      <>
        {formatPercent(f.successRate)}{" "}
        <span className="muted">
          ({f.interval.low.toFixed(2)}–{f.interval.high.toFixed(2)})
        </span>
      </>
    ),
  }),
  col.accessor("lastSeenAt", { id: "lastSeen", header: "Last seen", cell: (c) => <LocalTime at={c.getValue()} /> }),
  col.display({
    id: "state",
    header: "State",
    cell: ({ row: { original: f } }) =>
      f.autoApply ? <span className="badge ok">auto-apply</span> : f.selfHeal ? <span className="badge">self-healing</span> : <span className="muted">learning</span>,
  }),
]);

export function FixesTable(props: { rows: FixItem[]; total: number; state: TableUrlState }) {
  return <DataTable columns={columns} spec={FIXES_SPEC} basePath="/fixes" caption="Learned fixes" empty="No learned fix matches." {...props} />;
}
