// Recent runs naming the pattern, and the ad-hoc runs that made it (its candidate's evidence), each with
// the id it was sent with, so a run can be followed from the sender's own logs.
import { formatDuration } from "@/components/ui/format";
import { LocalTime } from "@/components/ui/local-time";
import { getDb } from "@/lib/db/client";
import { getRecentRuns, getRunsById, type PatternRun } from "@/lib/queries/patterns/get-pattern-runs";
import { TableScroll } from "@/components/ui/table-scroll";

function RunsTable({ runs, caption }: { runs: PatternRun[]; caption: string }) {
  return (
    <TableScroll label={caption}>
      <table className="data wide">
        <caption className="muted" style={{ textAlign: "left", paddingBottom: 6 }}>{caption}</caption>
        <thead>
          <tr>
            <th>Run id (as sent)</th>
            <th>Started</th>
            <th>Duration</th>
            <th>Outcome</th>
            <th>Source</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id}>
              <td className="mono wrap-anywhere">{r.id}</td>
              <td><LocalTime at={r.startedAt.toISOString()} /></td>
              <td>{formatDuration(r.durationMs)}</td>
              <td>
                {r.success ? <span className="badge ok">succeeded</span> : <span className="badge bad">failed</span>}
                {r.errorMessage ? <div className="muted wrap-anywhere">{r.errorMessage.slice(0, 300)}</div> : null}
              </td>
              <td className="mono wrap-anywhere">{r.source ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export async function RunsSection({ patternId, evidenceIds, evidenceCount }: { patternId: string; evidenceIds: string[]; evidenceCount: number }) {
  const db = getDb();
  const [recent, evidence] = await Promise.all([getRecentRuns(db, patternId, 20), getRunsById(db, evidenceIds, 50)]);
  return (
    <>
      {recent.length ? <RunsTable runs={recent} caption={`The latest ${recent.length} runs naming this pattern`} /> : <p className="muted">No run has named this pattern yet.</p>}
      {evidenceIds.length ? (
        <div id="evidence">
          <h3 className="subhead">The ad-hoc runs that made it</h3>
          {evidence.length ? (
            <RunsTable runs={evidence} caption={`${evidence.length} of the ${evidenceCount} evidence runs still kept (older ones are past retention)`} />
          ) : (
            <p className="muted">Its {evidenceCount} evidence runs are past retention: {evidenceIds.slice(0, 10).join(", ")}{evidenceIds.length > 10 ? "…" : ""}</p>
          )}
        </div>
      ) : null}
    </>
  );
}
