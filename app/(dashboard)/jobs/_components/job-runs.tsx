// One job's latest runs: when, why, how it ended, how long it took, what it did or why it failed, and
// for a run under way its progress.
import { formatDuration } from "@/components/ui/format";
import { LocalTime } from "@/components/ui/local-time";
import type { JobRunView } from "@/lib/queries/jobs/get-jobs";
import { TableScroll } from "@/components/ui/table-scroll";

const BADGE: Record<string, string> = { succeeded: "ok", failed: "bad", abandoned: "warn", running: "" };

function Outcome({ run }: { run: JobRunView }) {
  if (run.status === "running") {
    const p = run.progress;
    return (
      <div>
        {p ? (
          <>
            <progress max={p.total} value={p.done} aria-label="Progress" /> <span className="muted">{p.step} ({p.done}/{p.total})</span>
          </>
        ) : (
          <span className="muted">starting…</span>
        )}
      </div>
    );
  }
  return (
    <div>
      <div className={run.status === "failed" ? "error-text" : undefined}>{run.message ?? run.error ?? "—"}</div>
      {run.findings.length > 0 ? (
        <details>
          <summary className="muted">{run.findings.length === 1 ? "1 finding" : `${run.findings.length} findings`}</summary>
          <ul className="findings">
            {run.findings.map((f, i) => (
              <li key={i}>{f}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {run.status === "failed" && run.error ? (
        <details>
          <summary className="muted">error</summary>
          <pre className="mono error-detail">{run.error}</pre>
        </details>
      ) : null}
    </div>
  );
}

export function JobRuns({ runs, highlight }: { runs: JobRunView[]; highlight?: string }) {
  if (runs.length === 0) return <p className="muted">No runs yet.</p>;
  return (
    <TableScroll label="Latest runs"><table className="data">
      <thead>
        <tr>
          <th>Started</th>
          <th>Trigger</th>
          <th>Status</th>
          <th>Duration</th>
          <th>What it did</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.id} id={run.id} className={run.id === highlight ? "highlight" : undefined}>
            <td>
              <LocalTime at={run.startedAt} />
              {run.scheduledFor ? <div className="muted">due <LocalTime at={run.scheduledFor} /></div> : null}
            </td>
            <td>
              <span>{run.trigger}</span>
              {run.actor && run.actor !== "system" ? <div className="muted">by {run.actor}</div> : null}
            </td>
            <td>
              <span className={`badge ${BADGE[run.status] ?? ""}`}>{run.status}</span>
            </td>
            <td>{run.durationMs === null ? "—" : formatDuration(run.durationMs)}</td>
            <td>
              <Outcome run={run} />
            </td>
          </tr>
        ))}
      </tbody>
    </table></TableScroll>
  );
}
