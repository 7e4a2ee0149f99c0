// The headline of a stored report: executions, success rate and time saved with the change from the
// week before, candidates and fixes, then the daily chart and the time-saved chart (Recharts).
import { prepareReportDaily } from "@/components/charts/prepare-report-daily";
import { prepareTimeSaved } from "@/components/charts/prepare-time-saved";
import { ReportDailyChart } from "@/components/charts/report-daily-chart";
import { TimeSavedChart } from "@/components/charts/time-saved-chart";
import { formatCount, formatPercent } from "@/components/ui/format";
import type { Change, WeeklyReportData } from "@/lib/reports/types";

const hours = (ms: number) => `${(ms / 3_600_000).toFixed(1)} h`;

function delta(c: Change, kind: "count" | "rate" | "ms"): string {
  if (c.previous === null) return "no data the week before";
  const d = c.value - c.previous;
  const sign = d > 0 ? "+" : d < 0 ? "−" : "±";
  const abs = Math.abs(d);
  const text = kind === "rate" ? `${(abs * 100).toFixed(1)} pts` : kind === "ms" ? hours(abs) : formatCount(abs);
  return `${sign}${text} on the week before`;
}

export function ReportSummary({ report }: { report: WeeklyReportData }) {
  const c = report.changes;
  const bars = prepareTimeSaved(report.byTimeSaved);
  return (
    <>
      <div className="cards">
        <div className="card">
          <div className="label">Executions</div>
          <div className="value" data-testid="report-executions">{formatCount(report.executions)}</div>
          <div className="hint">{delta(c.executions, "count")}</div>
        </div>
        <div className="card">
          <div className="label">Success rate</div>
          <div className="value">{report.successRate === null ? "—" : formatPercent(report.successRate)}</div>
          <div className="hint">{delta(c.successRate, "rate")}</div>
        </div>
        <div className="card">
          <div className="label">Time saved</div>
          <div className="value">{hours(report.timeSavedMs)}</div>
          <div className="hint">{delta(c.timeSavedMs, "ms")}</div>
        </div>
        <div className="card">
          <div className="label">Candidates</div>
          <div className="value">{report.candidates.proposed}</div>
          <div className="hint">
            proposed; {report.candidates.approved} approved, {report.candidates.autoApproved} auto-approved, {report.candidates.rejected} rejected
          </div>
        </div>
        <div className="card">
          <div className="label">Fixes applied</div>
          <div className="value">{formatCount(report.fixes.applied)}</div>
          <div className="hint">{report.fixes.successRate === null ? "none this week" : `${formatPercent(report.fixes.successRate)} succeeded`}</div>
        </div>
      </div>
      <section className="panel">
        <h2>Executions and success per day</h2>
        <ReportDailyChart points={prepareReportDaily(report.week, report.daily)} />
      </section>
      <section className="panel">
        <h2>Time saved by pattern</h2>
        <p className="muted">Per run: the pattern&apos;s baseline less the run&apos;s duration. The baseline is the median of the ad-hoc runs the pattern was made from (evidence), or a value an admin set (admin).</p>
        {bars.length ? <TimeSavedChart bars={bars} /> : <p className="muted">No pattern that ran this week has a baseline yet.</p>}
      </section>
    </>
  );
}
