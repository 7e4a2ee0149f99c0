// The stored weeks of one source, newest first: headline numbers and a sparkline of runs per day.
import Link from "next/link";
import { prepareSparkline } from "@/components/charts/prepare-sparkline";
import { SparklineChart } from "@/components/charts/sparkline-chart";
import { formatCount, formatPercent } from "@/components/ui/format";
import { getDb } from "@/lib/db/client";
import { getWeeklyReports } from "@/lib/queries/reports/get-weekly-reports";
import { reportHref } from "./report-url";
import { TableScroll } from "@/components/ui/table-scroll";

export async function ReportsTable({ source }: { source: string | null }) {
  const reports = await getWeeklyReports(getDb(), source);
  if (reports.length === 0) return <p className="muted">No report is stored{source ? " for this source" : ""} yet. The weekly job stores one every Monday; an admin can generate a week below.</p>;
  return (
    <TableScroll label="Stored weeks"><table className="data">
      <thead>
        <tr>
          <th>Week</th>
          <th>Executions</th>
          <th>Success rate</th>
          <th>Time saved</th>
          <th>Missed uses</th>
          <th>Opportunities</th>
          <th>Runs per day</th>
          <th>Generated</th>
        </tr>
      </thead>
      <tbody>
        {reports.map((r) => (
          <tr key={r.week}>
            <td>
              <Link href={reportHref(r.week, source)}>{r.week}</Link>
            </td>
            <td>{r.hasData ? formatCount(r.executions) : <span className="muted">no data</span>}</td>
            <td>{r.successRate === null ? "—" : formatPercent(r.successRate)}</td>
            <td>{(r.timeSavedMs / 3_600_000).toFixed(1)} h</td>
            <td>{formatCount(r.missedUses)}</td>
            <td>{formatCount(r.opportunities)}</td>
            <td>{r.hasData ? <SparklineChart points={prepareSparkline(r.week, r.daily)} label={`Runs per day in ${r.week}`} /> : null}</td>
            <td className="muted">
              {r.generatedAt.toISOString().slice(0, 10)} by {r.generatedBy}
            </td>
          </tr>
        ))}
      </tbody>
    </table></TableScroll>
  );
}
