import type { Metadata } from "next";
import { connection } from "next/server";
import { formatPercent } from "@/components/ui/format";
import { Notice } from "@/components/ui/notice";
import { currentUser, hasRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getCandidates } from "@/lib/queries/candidates/get-candidates";
import { DecisionForm } from "./_components/decision-form";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Candidates" };

const PART_LABELS: Record<string, string> = { count: "how many", similarity: "how alike", success: "succeeded", recency: "how recent" };

export default async function CandidatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const params = await searchParams;
  const canDecide = hasRole(await currentUser(), "reviewer");
  const candidates = await getCandidates(getDb());
  const pending = candidates.filter((c) => c.status === "pending");
  const decided = candidates.filter((c) => c.status !== "pending");
  return (
    <>
      <h1>Candidates</h1>
      <p className="subtitle">Repeated ad-hoc work the detectors propose as patterns. Confidence = 0.35 × how many + 0.20 × how alike + 0.30 × success + 0.15 × how recent.</p>
      <Notice params={params} />
      <section className="panel" aria-labelledby="pending-title">
        <h2 id="pending-title">To review ({pending.length})</h2>
        {pending.length === 0 ? <p className="muted">Nothing to review.</p> : null}
        {pending.map((c) => (
          <article key={c.id} className="candidate">
            <header>
              <strong>{c.name}</strong> <span className="badge">{formatPercent(c.confidence)} confidence</span>{" "}
              <span className="muted">
                {Object.entries(c.confidenceParts)
                  .map(([k, v]) => `${PART_LABELS[k] ?? k} ${v.toFixed(2)}`)
                  .join(" · ")}
              </span>
            </header>
            <details>
              <summary>
                Proposed spec and evidence ({c.evidenceCount} runs)
              </summary>
              <pre>{c.proposedSpec}</pre>
              <p className="muted mono">{c.evidence.join(", ")}</p>
            </details>
            {canDecide ? <DecisionForm candidateId={c.id} name={c.name} /> : null}
          </article>
        ))}
      </section>
      <section className="panel" aria-labelledby="decided-title">
        <h2 id="decided-title">Decided</h2>
        <TableScroll label="Decided candidates"><table className="data">
          <thead>
            <tr>
              <th>Candidate</th>
              <th>Decision</th>
              <th>By</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {decided.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>
                  <span className={`badge ${c.status === "rejected" ? "bad" : "ok"}`}>{c.status}</span>
                </td>
                <td>{c.decidedBy}</td>
                <td className="muted">{c.decisionReason}</td>
              </tr>
            ))}
          </tbody>
        </table></TableScroll>
      </section>
    </>
  );
}
