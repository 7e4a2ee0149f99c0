import Link from "next/link";
import { DailyExecutionsChart } from "@/components/charts/daily-executions-chart";
import { prepareDailyExecutions } from "@/components/charts/prepare-daily-executions";
import type { Overview } from "@/lib/queries/overview/get-overview";
import { formatCount, formatPercent } from "@/components/ui/format";
import { TableScroll } from "@/components/ui/table-scroll";

export function OverviewBody({ overview }: { overview: Overview }) {
  const today = new Date().toISOString().slice(0, 10);
  const points = prepareDailyExecutions(overview.daily, today, overview.windowDays);
  const active = overview.patternCounts.active ?? 0;
  const quarantined = overview.patternCounts.quarantined ?? 0;
  return (
    <>
      <h1>Overview</h1>
      <p className="subtitle">The last {overview.windowDays} days of automation.</p>
      <div className="cards">
        <div className="card">
          <div className="label">Executions</div>
          <div className="value" data-testid="executions-window">{formatCount(overview.windowExecutions)}</div>
          <div className="hint">{formatCount(overview.executionsTotal)} stored in all</div>
        </div>
        <div className="card">
          <div className="label">Success rate</div>
          <div className="value">{overview.windowSuccessRate === null ? "—" : formatPercent(overview.windowSuccessRate)}</div>
        </div>
        <div className="card">
          <div className="label">Active patterns</div>
          <div className="value">{formatCount(active)}</div>
          <div className="hint">{quarantined ? `${quarantined} quarantined` : "none quarantined"}</div>
        </div>
        <div className="card">
          <div className="label">Candidates to review</div>
          <div className="value">{formatCount(overview.pendingCandidates)}</div>
        </div>
      </div>
      <section className="panel" aria-labelledby="daily-title">
        <h2 id="daily-title">Executions per day</h2>
        <DailyExecutionsChart points={points} />
      </section>
      <section className="panel" aria-labelledby="top-title">
        <h2 id="top-title">Busiest patterns</h2>
        <TableScroll label="Busiest patterns"><table className="data">
          <thead>
            <tr>
              <th>Pattern</th>
              <th>Status</th>
              <th>Runs</th>
              <th>Success rate</th>
            </tr>
          </thead>
          <tbody>
            {overview.topPatterns.map((p) => (
              <tr key={p.patternId}>
                <td>
                  <Link href={`/executions?pattern=${encodeURIComponent(p.patternId)}`}>{p.name}</Link>
                </td>
                <td>
                  <span className={`badge ${p.status === "quarantined" ? "bad" : p.status === "active" ? "ok" : ""}`}>{p.status}</span>
                </td>
                <td>{formatCount(p.executions)}</td>
                <td>{formatPercent(p.successRate)}</td>
              </tr>
            ))}
          </tbody>
        </table></TableScroll>
      </section>
    </>
  );
}
