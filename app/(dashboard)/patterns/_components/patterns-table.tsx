"use client";
// The patterns listing's columns: each pattern with its kind, status (an archived one with its restore
// form for reviewers), its runs and success rate over the period, what it was made from and its trend.
import Link from "next/link";
import { columnHelper, DataTable, type DataColumns } from "@/components/table/data-table";
import type { TableUrlState } from "@/components/table/url-state";
import { formatCount, formatPercent } from "@/components/ui/format";
import { LocalTime } from "@/components/ui/local-time";
import type { PatternRow } from "@/lib/queries/patterns/get-patterns-page";
import { PATTERNS_SPEC } from "./patterns-spec";
import { RestoreForm } from "./restore-form";

const col = columnHelper<PatternRow>();

// one stable column list per period and role (3 periods × 2), as the table wants a stable array
const cache = new Map<string, DataColumns<PatternRow>>();
function columnsFor(days: number, canRestore: boolean): DataColumns<PatternRow> {
  const key = `${days}:${canRestore}`;
  let columns = cache.get(key);
  if (!columns) cache.set(key, (columns = build(days, canRestore)));
  return columns;
}

function build(days: number, canRestore: boolean): DataColumns<PatternRow> {
  return col.columns([
  col.accessor("name", {
    id: "pattern",
    header: "Pattern",
    cell: ({ row: { original: p } }) => (
      <div className="wrap-anywhere">
        <Link href={`/patterns/${encodeURIComponent(p.id)}?days=${days}`}>{p.name}</Link>
        {p.name !== p.id ? <div className="muted mono">{p.id}</div> : null}
      </div>
    ),
  }),
  col.accessor("kind", { header: "Kind", cell: ({ row: { original: p } }) => <>{p.kind}{p.autoApply ? <span className="badge ok">auto-apply</span> : null}</> }),
  col.accessor("status", {
    header: "Status",
    cell: ({ row: { original: p } }) => (
      <>
        <span className={`badge ${p.status === "quarantined" ? "bad" : p.status === "active" ? "ok" : ""}`}>{p.status}</span>
        {p.status === "archived" ? (
          <>
            {p.archivedAt ? <div className="muted">archived <LocalTime at={p.archivedAt} /></div> : null}
            {canRestore ? <RestoreForm patternId={p.id} /> : null}
          </>
        ) : null}
      </>
    ),
  }),
  col.accessor("runs", { header: `Runs, ${days} days`, cell: (c) => formatCount(c.getValue()) }),
  col.accessor("successRate", {
    header: `Success rate, ${days} days`,
    cell: (c) => (c.getValue() === null ? "—" : formatPercent(c.getValue()!)),
  }),
  col.display({
    id: "origin",
    header: "Made from",
    cell: ({ row: { original: p } }) =>
      p.evidenceRuns !== null ? <Link href={`/patterns/${encodeURIComponent(p.id)}#evidence`}>{formatCount(p.evidenceRuns)} ad-hoc runs</Link> : <span className="muted">{p.origin}</span>,
  }),
  col.display({
    id: "trend",
    header: "Trend",
    cell: ({ row: { original: p } }) => (p.degrading ? <span className="badge warn">degrading{p.degradingSince ? ` since ${p.degradingSince.slice(0, 10)}` : ""}</span> : null),
  }),
  ]);
}

export function PatternsTable({ days, canRestore, ...props }: { rows: PatternRow[]; total: number; state: TableUrlState; days: number; canRestore: boolean }) {
  return <DataTable columns={columnsFor(days, canRestore)} spec={PATTERNS_SPEC} basePath="/patterns" caption="Patterns" empty="No patterns match." {...props} />;
}
