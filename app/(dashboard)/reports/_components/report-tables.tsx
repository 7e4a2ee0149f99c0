// The lists of a stored report as tables. Names, operations and sources are telemetry text: rendered as
// React text, never as HTML.
import type { ReactNode } from "react";
import { formatCount, formatPercent } from "@/components/ui/format";
import { sinceText } from "@/lib/reports/status-changes";
import type { WeeklyReportData } from "@/lib/reports/types";
import { TableScroll } from "@/components/ui/table-scroll";

const hours = (ms: number) => `${(ms / 3_600_000).toFixed(1)} h`;
const rate = (r: number | null) => (r === null ? "—" : formatPercent(r));

function Section({ title, note, empty, children }: { title: string; note?: string; empty: boolean; children: ReactNode }) {
  return (
    <section className="panel" aria-label={title}>
      <h2>{title}</h2>
      {note ? <p className="muted">{note}</p> : null}
      {empty ? <p className="muted">None this week.</p> : <TableScroll label={title}><table className="data">{children}</table></TableScroll>}
    </section>
  );
}

export function ReportTables({ report }: { report: WeeklyReportData }) {
  return (
    <>
      <Section title="Patterns by use" note={`${report.patterns.length} patterns ran; the 25 most used.`} empty={report.patterns.length === 0}>
        <thead><tr><th>Pattern</th><th>Runs</th><th>Success</th><th>Time saved</th><th>Baseline</th></tr></thead>
        <tbody>
          {report.patterns.slice(0, 25).map((p) => (
            <tr key={p.patternId}>
              <td>{p.name}{p.name !== p.patternId ? <div className="muted mono">{p.patternId}</div> : null}</td>
              <td>{formatCount(p.uses)}</td>
              <td>{formatPercent(p.successRate)}</td>
              <td>{hours(p.timeSavedMs)}</td>
              <td>{p.baselineDurationMs === null ? <span className="muted">none</span> : <>{(p.baselineDurationMs / 1000).toFixed(1)} s <span className="badge">{p.baselineSource}</span></>}</td>
            </tr>
          ))}
        </tbody>
      </Section>
      <Section title="Missed uses" note="Ad-hoc runs that did what an active pattern does without naming it." empty={report.missedUses.length === 0}>
        <thead><tr><th>Pattern</th><th>Ad-hoc runs</th><th>Hours a pattern run would have saved</th><th>Sources</th></tr></thead>
        <tbody>
          {report.missedUses.slice(0, 25).map((m) => (
            <tr key={m.patternId}><td>{m.name}</td><td>{formatCount(m.runs)}</td><td>{m.hoursSaved === null ? "—" : m.hoursSaved.toFixed(1)}</td><td>{m.sources.slice(0, 5).join(", ") || "—"}</td></tr>
          ))}
        </tbody>
      </Section>
      <Section title="Manual-work opportunities" note="The largest groups of ad-hoc work no pattern covers yet." empty={report.opportunities.length === 0}>
        <thead><tr><th>Operation</th><th>Runs</th><th>Hours</th><th>Candidate</th></tr></thead>
        <tbody>
          {report.opportunities.map((o) => (
            <tr key={o.groupKey}><td className="mono">{o.operation}</td><td>{formatCount(o.runs)}</td><td>{o.hours.toFixed(1)}</td><td>{o.candidateId ? <span className="badge warn">awaiting review</span> : "—"}</td></tr>
          ))}
        </tbody>
      </Section>
      <Section title="Underused patterns" note={`Active for over two weeks with little or no use; unused ones are archived after ${report.retentionDays} days.`} empty={report.underused.length === 0}>
        <thead><tr><th>Pattern</th><th>Runs</th><th>Why</th><th>Last used</th><th>Archived on</th></tr></thead>
        <tbody>
          {report.underused.slice(0, 25).map((u) => (
            <tr key={u.patternId}><td>{u.name}</td><td>{u.uses}</td><td>{u.reason === "near-retention" ? <span className="badge bad">near retention</span> : "little use"}</td><td>{u.lastUsedAt?.slice(0, 10) ?? "never"}</td><td>{u.archivesOn?.slice(0, 10) ?? "—"}</td></tr>
          ))}
        </tbody>
      </Section>
      <Section title="Status changes" empty={report.statusChanges.length === 0}>
        <thead><tr><th>Pattern</th><th>Change</th><th>Since</th><th>Success before</th><th>Success after</th></tr></thead>
        <tbody>
          {report.statusChanges.map((s) => (
            <tr key={`${s.patternId}-${s.change}`}>
              <td>{s.name}</td>
              <td><span className={`badge ${s.change === "degrading" || s.change === "quarantined" ? "bad" : "ok"}`}>{s.change}</span></td>
              <td>{sinceText(s)}</td><td>{rate(s.rateBefore)}</td><td>{rate(s.rateAfter)}</td>
            </tr>
          ))}
        </tbody>
      </Section>
      <section className="panel" aria-label="Follow-ups on last week">
        <h2>Follow-ups on last week</h2>
        {!report.previousReport ? (
          <p className="muted">No report was stored for the week before, so there is nothing to follow up.</p>
        ) : report.followUps.length === 0 ? (
          <p className="muted">Last week&apos;s report recommended nothing to follow up.</p>
        ) : (
          <TableScroll label="Follow-ups"><table className="data">
            <thead><tr><th>Recommendation</th><th>Subject</th><th>What became of it</th><th>Effect</th></tr></thead>
            <tbody>
              {report.followUps.map((f, i) => (
                <tr key={i}><td>{f.kind}</td><td>{f.subject}</td><td>{f.outcome}</td><td>{f.effect}</td></tr>
              ))}
            </tbody>
          </table></TableScroll>
        )}
      </section>
    </>
  );
}
