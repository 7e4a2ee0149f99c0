// The overview's charts, each a server component reading its own data so each streams under its own
// Suspense boundary: daily executions and success rate, time saved per week, and the busiest patterns.
import Link from "next/link";
import { PeriodActivityChart } from "@/components/charts/period-activity-chart";
import { preparePeriodActivity } from "@/components/charts/prepare-period-activity";
import { prepareTopPatterns } from "@/components/charts/prepare-top-patterns";
import { prepareWeeklyTimeSaved } from "@/components/charts/prepare-weekly-time-saved";
import { TopPatternsChart } from "@/components/charts/top-patterns-chart";
import { WeeklyTimeSavedChart } from "@/components/charts/weekly-time-saved-chart";
import { formatHours } from "@/components/ui/change";
import { formatCount, formatPercent } from "@/components/ui/format";
import { getDb } from "@/lib/db/client";
import { getTopPatterns } from "@/lib/queries/overview/get-top-patterns";
import type { Period } from "@/lib/queries/period";
import { periodDays } from "./overview-data";
import { TableScroll } from "@/components/ui/table-scroll";

export async function ActivityChart({ period }: { period: Period }) {
  const days = await periodDays(period.previous.from, period.from, period.to);
  return <PeriodActivityChart points={preparePeriodActivity(days, period)} label={`Executions per day and success rate, ${period.label}`} />;
}

export async function TimeSavedChart({ period }: { period: Period }) {
  const days = await periodDays(period.previous.from, period.from, period.to);
  return <WeeklyTimeSavedChart bars={prepareWeeklyTimeSaved(days, period)} label={`Time saved per week in hours, ${period.label}`} />;
}

export async function TopPatterns({ period }: { period: Period }) {
  const rows = await getTopPatterns(getDb(), period);
  if (rows.length === 0) return <p className="muted">No pattern ran in the {period.label}.</p>;
  return (
    <>
      <TopPatternsChart bars={prepareTopPatterns(rows)} label={`Runs of the busiest patterns, ${period.label}`} />
      <TableScroll label="Top patterns">
        <table className="data">
          <thead>
            <tr>
              <th>Pattern</th>
              <th>Status</th>
              <th>Runs</th>
              <th>Success rate</th>
              <th>Time saved</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.patternId}>
                <td className="wrap-anywhere">
                  <Link href={`/patterns/${encodeURIComponent(p.patternId)}?days=${period.days}`}>{p.name}</Link>
                </td>
                <td>
                  <span className={`badge ${p.status === "quarantined" ? "bad" : p.status === "active" ? "ok" : ""}`}>{p.status}</span>
                </td>
                <td>{formatCount(p.runs)}</td>
                <td>{formatPercent(p.successRate)}</td>
                <td>{p.timeSavedMs === null ? <span className="muted">no baseline</span> : formatHours(p.timeSavedMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
