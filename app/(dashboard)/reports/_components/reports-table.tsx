"use client";
// The stored weeks on the one data table: headline numbers, a sparkline of runs per day, and who generated
// each week. The server has sorted and paged the rows; links keep the source filter.
import Link from "next/link";
import { prepareSparkline } from "@/components/charts/prepare-sparkline";
import { SparklineChart } from "@/components/charts/sparkline-chart";
import { columnHelper, DataTable, type DataColumns } from "@/components/table/data-table";
import type { TableUrlState } from "@/components/table/url-state";
import { formatCount, formatPercent } from "@/components/ui/format";
import { LocalTime } from "@/components/ui/local-time";
import type { WeeklyReportSummary } from "@/lib/queries/reports/get-weekly-reports";
import { reportHref } from "./report-url";
import { REPORTS_SPEC } from "./reports-spec";

const col = columnHelper<WeeklyReportSummary & { source: string | null }>();
const columns = col.columns([
  col.accessor("week", { header: "Week", cell: ({ row }) => <Link href={reportHref(row.original.week, row.original.source)}>{row.original.week}</Link> }),
  col.accessor("executions", { header: "Executions", cell: ({ row }) => (row.original.hasData ? formatCount(row.original.executions) : <span className="muted">no data</span>) }),
  col.accessor("successRate", { header: "Success rate", cell: (c) => (c.getValue() === null ? "—" : formatPercent(c.getValue()!)) }),
  col.accessor("timeSavedMs", { header: "Time saved", cell: (c) => `${(c.getValue() / 3_600_000).toFixed(1)} h` }),
  col.accessor("missedUses", { header: "Missed uses", cell: (c) => formatCount(c.getValue()) }),
  col.accessor("opportunities", { header: "Opportunities", cell: (c) => formatCount(c.getValue()) }),
  col.display({
    id: "daily",
    header: "Runs per day",
    cell: ({ row }) => (row.original.hasData ? <SparklineChart points={prepareSparkline(row.original.week, row.original.daily)} label={`Runs per day in ${row.original.week}`} /> : null),
  }),
  col.accessor("generatedAt", {
    header: "Generated",
    cell: ({ row }) => (
      <span className="muted">
        <LocalTime at={row.original.generatedAt} /> by {row.original.generatedBy}
      </span>
    ),
  }),
]) as DataColumns<WeeklyReportSummary & { source: string | null }>;

export function ReportsTable({ rows, total, state, source }: { rows: WeeklyReportSummary[]; total: number; state: TableUrlState; source: string | null }) {
  return (
    <DataTable
      columns={columns}
      rows={rows.map((r) => ({ ...r, source }))}
      total={total}
      state={state}
      spec={REPORTS_SPEC}
      basePath="/reports"
      caption="Stored weeks"
      empty={`No report is stored${source ? " for this source" : ""} yet. The weekly job stores one every Monday; an admin can generate a week below.`}
    />
  );
}
