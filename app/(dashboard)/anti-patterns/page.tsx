import type { Metadata } from "next";
import { connection } from "next/server";
import { formatDateTime, formatPercent } from "@/components/ui/format";
import { Notice } from "@/components/ui/notice";
import { currentUser, hasRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { countAntiPatterns, getAntiPatterns } from "@/lib/queries/anti-patterns/get-anti-patterns";
import { getOutages } from "@/lib/queries/anti-patterns/get-outages";
import { LiftForm } from "./_components/lift-form";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Anti-patterns" };

const BADGE: Record<string, string> = { quarantined: "bad", proposed: "warn", lifted: "ok", monitoring: "" };

export default async function AntiPatternsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const params = await searchParams;
  const canLift = hasRole(await currentUser(), "reviewer");
  const SHOWN = 100;
  const [failing, recurring, failingTotal, recurringTotal] = await Promise.all([
    getAntiPatterns(getDb(), { kind: "failing_pattern", limit: SHOWN }),
    getAntiPatterns(getDb(), { kind: "recurring_error", limit: SHOWN }),
    countAntiPatterns(getDb(), { kind: "failing_pattern" }),
    countAntiPatterns(getDb(), { kind: "recurring_error" }),
  ]);
  const outages = await getOutages(getDb());
  return (
    <>
      <h1>Anti-patterns</h1>
      <p className="subtitle">Patterns that fail too often, and errors that keep coming back — with who decided what, and why.</p>
      <Notice params={params} />
      <section className="panel" aria-labelledby="failing-title">
        <h2 id="failing-title">Failing patterns</h2>
        {failingTotal > failing.length ? <p className="muted">The {failing.length} that need attention first (quarantined, then proposed, most failures first) of {failingTotal}.</p> : null}
        {failing.length === 0 ? (
          <p className="muted">No pattern fails often enough to quarantine.</p>
        ) : (
          <TableScroll label="Failing patterns"><table className="data">
            <thead>
              <tr>
                <th>Pattern</th>
                <th>Status</th>
                <th>Failure rate</th>
                <th>History</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {failing.map((e) => (
                <tr key={e.id}>
                  <td className="mono">{e.patternId}</td>
                  <td>
                    <span className={`badge ${BADGE[e.status] ?? ""}`}>{e.status}</span> <span className="muted">{e.classification}</span>
                  </td>
                  <td>
                    {formatPercent(e.failureRate)} <span className="muted">({e.occurrences} failed)</span>
                  </td>
                  <td>
                    {e.history.map((h, i) => (
                      <div key={i} className="muted">
                        {formatDateTime(h.at)} · {h.action} by {h.actor}
                        {h.reason ? ` — ${h.reason}` : ""}
                      </div>
                    ))}
                  </td>
                  <td>{canLift && (e.status === "quarantined" || e.status === "proposed") ? <LiftForm patternId={e.patternId!} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table></TableScroll>
        )}
      </section>
      <section className="panel" aria-labelledby="outages-title">
        <h2 id="outages-title">Outages, last 30 days</h2>
        <p className="muted">Most patterns run from one source failed at once, improbably for them: their runs there count against none of them.</p>
        {outages.length === 0 ? (
          <p className="muted">No outage found.</p>
        ) : (
          <TableScroll label="Outages"><table className="data">
            <thead>
              <tr>
                <th>Source</th>
                <th>From</th>
                <th>To</th>
                <th>Patterns failing</th>
              </tr>
            </thead>
            <tbody>
              {outages.map((o) => (
                <tr key={`${o.source}@${o.start}`}>
                  <td className="mono">{o.source ?? "(no source)"}</td>
                  <td>{formatDateTime(new Date(o.start))}</td>
                  <td>{formatDateTime(new Date(o.end))}</td>
                  <td>
                    {o.patternsFailing} of {o.patternsActive}
                  </td>
                </tr>
              ))}
            </tbody>
          </table></TableScroll>
        )}
      </section>
      <section className="panel" aria-labelledby="recurring-title">
        <h2 id="recurring-title">Recurring errors</h2>
        {recurringTotal > recurring.length ? <p className="muted">The {recurring.length} seen most often of {recurringTotal}.</p> : null}
        {recurring.length === 0 ? (
          <p className="muted">No error signature has recurred yet.</p>
        ) : (
          <TableScroll label="Recurring errors"><table className="data">
            <thead>
              <tr>
                <th>Signature</th>
                <th>Seen</th>
                <th>First</th>
                <th>Last</th>
              </tr>
            </thead>
            <tbody>
              {recurring.map((e) => (
                <tr key={e.id}>
                  <td className="mono">{e.signature}</td>
                  <td>{e.occurrences}</td>
                  <td>{formatDateTime(e.firstSeenAt)}</td>
                  <td>{formatDateTime(e.lastSeenAt)}</td>
                </tr>
              ))}
            </tbody>
          </table></TableScroll>
        )}
      </section>
    </>
  );
}
