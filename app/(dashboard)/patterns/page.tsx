// Every pattern with its runs and success rate over a period named on the page (`?days=`), filtered by
// status (`?status=`), paged on the server (`?page=`). Each links to its own page. A pattern made from a
// candidate also shows the ad-hoc runs that made it, which name no pattern and so are not its runs.
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { formatCount, formatPercent } from "@/components/ui/format";
import { LocalTime } from "@/components/ui/local-time";
import { Notice } from "@/components/ui/notice";
import { currentUser, hasRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { PATTERNS_PAGE_SIZE, getPatternsPage } from "@/lib/queries/patterns/get-patterns-page";
import { periodDays, periodOf, todayUtc } from "@/lib/queries/period";
import { PeriodPicker } from "../_components/period-picker";
import { RestoreForm } from "./_components/restore-form";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Patterns" };

const STATUSES = ["active", "quarantined", "draft", "archived"] as const;
const text = (v: unknown) => (typeof v === "string" ? v.slice(0, 300) : null);

export default async function PatternsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const canRestore = hasRole(await currentUser(), "reviewer");
  const params = await searchParams;
  const asked = text(params.status);
  const status = asked && (STATUSES as readonly string[]).includes(asked) ? asked : undefined;
  const period = periodOf(periodDays(params.days), todayUtc());
  const page = Math.max(1, Math.min(10_000, Number.parseInt(text(params.page) ?? "1", 10) || 1));
  const { rows, total } = await getPatternsPage(getDb(), { status, range: period, page });
  const pages = Math.max(1, Math.ceil(total / PATTERNS_PAGE_SIZE));
  const href = (over: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ status, days: String(period.days), ...over })) if (v) q.set(k, v);
    return `/patterns?${q}`;
  };
  return (
    <>
      <h1>Patterns</h1>
      <PeriodPicker period={period} path="/patterns" extra={status ? { status } : {}} />
      <nav className="filter-links" aria-label="Status">
        <Link href={href({ status: undefined, page: undefined })} aria-current={!status ? "page" : undefined}>all</Link>
        {STATUSES.map((s) => (
          <Link key={s} href={href({ status: s, page: undefined })} aria-current={status === s ? "page" : undefined}>{s}</Link>
        ))}
      </nav>
      {asked && !status ? <p role="alert" className="error-text">No status “{asked}”: showing every pattern. The statuses are {STATUSES.join(", ")}.</p> : null}
      <Notice params={params} />
      {text(params.restored) ? <p role="status" className="notice">Restored <span className="mono">{text(params.restored)}</span>: it is active again.</p> : null}
      {text(params.error) ? <p role="alert" className="error-text">{text(params.error)}</p> : null}
      <section className="panel">
        <p className="muted">
          {formatCount(total)} patterns{status ? ` ${status}` : ""}; runs and success rate over the {period.label}.
        </p>
        <TableScroll label="Patterns">
          <table className="data wide">
            <thead>
              <tr>
                <th>Pattern</th>
                <th>Kind</th>
                <th>Status</th>
                <th>Runs, {period.days} days</th>
                <th>Success rate, {period.days} days</th>
                <th>Made from</th>
                <th>Trend</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id}>
                  <td className="wrap-anywhere">
                    <Link href={`/patterns/${encodeURIComponent(p.id)}?days=${period.days}`}>{p.name}</Link>
                    {p.name !== p.id ? <div className="muted mono">{p.id}</div> : null}
                  </td>
                  <td>{p.kind}{p.autoApply ? <span className="badge ok">auto-apply</span> : null}</td>
                  <td>
                    <span className={`badge ${p.status === "quarantined" ? "bad" : p.status === "active" ? "ok" : ""}`}>{p.status}</span>
                    {p.status === "archived" ? (
                      <>
                        {p.archivedAt ? <div className="muted">archived <LocalTime at={p.archivedAt} /></div> : null}
                        {canRestore ? <RestoreForm patternId={p.id} /> : null}
                      </>
                    ) : null}
                  </td>
                  <td>{formatCount(p.runs)}</td>
                  <td>{p.successRate === null ? "—" : formatPercent(p.successRate)}</td>
                  <td>{p.evidenceRuns !== null ? <Link href={`/patterns/${encodeURIComponent(p.id)}#evidence`}>{formatCount(p.evidenceRuns)} ad-hoc runs</Link> : <span className="muted">{p.origin}</span>}</td>
                  <td>{p.degrading ? <span className="badge warn">degrading{p.degradingSince ? ` since ${p.degradingSince.slice(0, 10)}` : ""}</span> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        {pages > 1 ? (
          <nav className="filter-links" aria-label="Pages">
            {page > 1 ? <Link href={href({ page: String(page - 1) })}>← previous</Link> : null}
            <span className="muted">page {page} of {pages}</span>
            {page < pages ? <Link href={href({ page: String(page + 1) })}>next →</Link> : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}
