// One candidate under review: why it was proposed (confidence parts, evidence runs linked to their
// executions, or the template beside its example files), the proposed spec, and the decision: controls for
// reviewers, who/when/why once decided, a revert for an auto-approval. The keyboard walks the pending queue.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { formatDuration, formatPercent } from "@/components/ui/format";
import { LocalTime } from "@/components/ui/local-time";
import { Notice } from "@/components/ui/notice";
import { TableScroll } from "@/components/ui/table-scroll";
import { currentUser, hasRole, requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getCandidate, EVIDENCE_LIMIT } from "@/lib/queries/candidates/get-candidate";
import { getQueueNeighbours } from "@/lib/queries/candidates/get-queue-neighbours";
import { confidenceParts, evidenceLabel, statusTone } from "../_components/candidate-labels";
import { KIND_LABELS, STATUS_LABELS } from "../_components/candidates-spec";
import { ReviewForm } from "./_components/review-form";
import { ReviewKeys } from "./_components/review-keys";
import { RevertForm } from "./_components/revert-form";
import { TemplateView } from "./_components/template-view";
import "../candidates.css";

export const metadata: Metadata = { title: "Review candidate" };

const href = (id: string | null) => (id ? `/candidates/${encodeURIComponent(id)}` : null);

export default async function CandidatePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  // every page checks the session itself: a client navigation may render the page without its layout
  await requirePageUser("viewer", "/candidates");
  const { id } = await params;
  if (id.length > 128) notFound();
  const db = getDb();
  const [candidate, user] = await Promise.all([getCandidate(db, id), currentUser()]);
  if (!candidate) notFound();
  const queue = await getQueueNeighbours(db, candidate);
  const canDecide = hasRole(user, "reviewer");
  const pending = candidate.status === "pending";
  const nextHref = href(queue.next ?? (pending ? null : queue.first));
  const previousHref = href(queue.previous);
  return (
    <>
      <div className="review-head">
        <p className="muted">
          <Link href="/candidates">← Review queue</Link> · {queue.pending} pending
        </p>
        <nav className="review-nav" aria-label="Queue">
          {previousHref ? <Link href={previousHref}>‹ Previous</Link> : <a aria-disabled="true">‹ Previous</a>}
          {nextHref ? <Link href={nextHref}>Next ›</Link> : <a aria-disabled="true">Next ›</a>}
        </nav>
      </div>
      <h1>{candidate.name}</h1>
      <p className="subtitle">
        <span className={`badge ${statusTone(candidate.status)}`}>{STATUS_LABELS[candidate.status] ?? candidate.status}</span> {KIND_LABELS[candidate.kind] ?? candidate.kind} ·{" "}
        {formatPercent(candidate.confidence)} confidence · {evidenceLabel(candidate.kind, candidate.evidenceCount)} · proposed <LocalTime at={candidate.createdAt} />
      </p>
      <Notice params={await searchParams} />
      <ReviewKeys candidateId={candidate.id} nextHref={nextHref} previousHref={previousHref} canDecide={canDecide && pending} />

      <div className="review-grid">
        <section className="panel" aria-labelledby="why-title">
          <h2 id="why-title">Why it was proposed</h2>
          <ul className="parts">
            {confidenceParts(candidate.confidenceParts).map((part) => (
              <li key={part.key}>
                <span>{part.label}</span>
                <strong>{part.value}</strong>
                {part.score !== null ? (
                  <span className="part-bar" role="img" aria-label={`${part.label} ${part.value}${part.weight ? `, weight ${part.weight}` : ""}`}>
                    <span style={{ width: `${part.score * 100}%` }} />
                  </span>
                ) : (
                  <span />
                )}
              </li>
            ))}
          </ul>
          <h2 id="decision-title">Decision</h2>
          {pending && candidate.editedPattern ? (
            <p className="notice warn" role="note">
              Pattern <Link href={`/patterns/${encodeURIComponent(candidate.editedPattern.id)}`}>{candidate.editedPattern.name}</Link> ({candidate.editedPattern.status}) already exists for this group, with a spec a
              person changed. Approving keeps that spec; edit the spec below to replace it.
            </p>
          ) : null}
          {pending ? (
            canDecide ? (
              <ReviewForm candidateId={candidate.id} name={candidate.name} proposedSpec={candidate.proposedSpec} />
            ) : (
              <p className="muted">Waiting for a reviewer.</p>
            )
          ) : (
            <div className="decided">
              <p>
                {STATUS_LABELS[candidate.status] ?? candidate.status} by <strong>{candidate.decidedBy ?? "—"}</strong>
                {candidate.decidedAt ? (
                  <>
                    {" "}
                    on <LocalTime at={candidate.decidedAt} />
                  </>
                ) : null}
                {candidate.decisionReason ? <>: “{candidate.decisionReason}”</> : null}
              </p>
              {candidate.pattern ? (
                <p>
                  Pattern <Link href={`/patterns/${encodeURIComponent(candidate.pattern.id)}`}>{candidate.pattern.name}</Link> ({candidate.pattern.status}
                  {candidate.pattern.specEdited ? ", spec edited since" : ""})
                </p>
              ) : null}
              {candidate.status === "auto_approved" && canDecide ? <RevertForm candidateId={candidate.id} /> : null}
            </div>
          )}
        </section>
        <section className="panel" aria-labelledby="spec-title">
          <h2 id="spec-title">Proposed spec</h2>
          {candidate.proposedSpec ? <pre className="spec-text" tabIndex={0} role="region" aria-label="Proposed spec (YAML)">
              {candidate.proposedSpec}
            </pre> : <p className="muted">No spec was proposed.</p>}
        </section>
      </div>

      {candidate.kind === "file_template" && candidate.template ? (
        <TemplateView template={candidate.template} examples={candidate.exampleFiles} />
      ) : (
        <section className="panel" aria-labelledby="evidence-title">
          <h2 id="evidence-title">Evidence runs</h2>
          {candidate.evidenceRuns.length === 0 ? <p className="muted">The evidence runs are no longer stored (retention).</p> : null}
          <TableScroll label="Evidence runs">
            <table className="data">
              <thead>
                <tr>
                  <th>Execution</th>
                  <th>Operation</th>
                  <th>Started</th>
                  <th>Duration</th>
                  <th>Result</th>
                </tr>
              </thead>
              <tbody>
                {candidate.evidenceRuns.map((run) => (
                  <tr key={run.id}>
                    <td>
                      <Link className="mono" href={`/executions?q=${encodeURIComponent(run.id)}`}>
                        {run.id}
                      </Link>
                    </td>
                    <td>{run.operation}</td>
                    <td>
                      <LocalTime at={run.startedAt} />
                    </td>
                    <td>{formatDuration(run.durationMs)}</td>
                    <td>
                      <span className={`badge ${run.success ? "ok" : "bad"}`}>{run.success ? "ok" : "failed"}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {candidate.evidenceCount > EVIDENCE_LIMIT ? <p className="muted">The first {EVIDENCE_LIMIT} of {candidate.evidenceCount} runs.</p> : null}
        </section>
      )}
    </>
  );
}
