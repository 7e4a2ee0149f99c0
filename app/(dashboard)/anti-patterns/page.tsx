// The anti-pattern registry: failing patterns and recurring errors, filtered by status and kind in the
// URL, each with its evidence, its timeline and the actions the signed-in person may take. Outages (runs
// that count against nobody) stream in below.
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense } from "react";
import { formatCount } from "@/components/ui/format";
import { Notice } from "@/components/ui/notice";
import { currentUser, hasRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { REGISTRY_KINDS, REGISTRY_PAGE_SIZE, REGISTRY_STATUSES, getRegistryPage } from "@/lib/queries/anti-patterns/get-registry-page";
import { OutagesSection } from "./_components/outages-section";
import { RegistryTable } from "./_components/registry-table";

export const metadata: Metadata = { title: "Anti-patterns" };

type Params = Record<string, string | string[] | undefined>;
const text = (v: unknown) => (typeof v === "string" ? v.slice(0, 300) : undefined);
const pick = <T extends string>(list: readonly T[], v: string | undefined) => (v && (list as readonly string[]).includes(v) ? (v as T) : undefined);

export default async function AntiPatternsPage({ searchParams }: { searchParams: Promise<Params> }) {
  await connection();
  const params = await searchParams;
  const reviewer = hasRole(await currentUser(), "reviewer");
  const [askedStatus, askedKind] = [text(params.status), text(params.kind)];
  const status = pick(REGISTRY_STATUSES, askedStatus);
  const kind = pick(REGISTRY_KINDS, askedKind);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(text(params.page) ?? "1", 10) || 1));
  const { rows, total } = await getRegistryPage(getDb(), { status, kind, page });
  const pages = Math.max(1, Math.ceil(total / REGISTRY_PAGE_SIZE));
  const href = (over: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ status, kind, ...over })) if (v) q.set(k, v);
    const s = q.toString();
    return s ? `/anti-patterns?${s}` : "/anti-patterns";
  };
  const error = text(params.error);
  return (
    <>
      <h1>Anti-patterns</h1>
      <p className="subtitle">Patterns that fail too often and errors that keep coming back: the evidence, every change with who and why, and what to do next.</p>
      <nav className="filter-links" aria-label="Status">
        <span className="muted">Status:</span>
        <Link href={href({ status: undefined, page: undefined })} aria-current={!status ? "page" : undefined}>all</Link>
        {REGISTRY_STATUSES.map((s) => (
          <Link key={s} href={href({ status: s, page: undefined })} aria-current={status === s ? "page" : undefined}>{s}</Link>
        ))}
      </nav>
      <nav className="filter-links" aria-label="Kind">
        <span className="muted">Kind:</span>
        <Link href={href({ kind: undefined, page: undefined })} aria-current={!kind ? "page" : undefined}>all</Link>
        <Link href={href({ kind: "failing_pattern", page: undefined })} aria-current={kind === "failing_pattern" ? "page" : undefined}>failing patterns</Link>
        <Link href={href({ kind: "recurring_error", page: undefined })} aria-current={kind === "recurring_error" ? "page" : undefined}>recurring errors</Link>
      </nav>
      {askedStatus && !status ? <p role="alert" className="error-text">No status “{askedStatus}”: the statuses are {REGISTRY_STATUSES.join(", ")}.</p> : null}
      {askedKind && !kind ? <p role="alert" className="error-text">No kind “{askedKind}”: the kinds are {REGISTRY_KINDS.join(", ")}.</p> : null}
      <Notice params={params} />
      {error ? <p role="alert" className="notice bad">{error}</p> : null}
      <section className="panel" aria-labelledby="registry-title">
        <h2 id="registry-title">
          Registry <span className="period-tag">{formatCount(total)} {total === 1 ? "entry" : "entries"}{status ? `, ${status}` : ""}{kind ? `, ${kind.replace("_", " ")}` : ""}; failure rates over each entry’s own window (see its evidence)</span>
        </h2>
        {rows.length === 0 ? <p className="muted">No entry matches.</p> : <RegistryTable rows={rows} reviewer={reviewer} />}
        {pages > 1 ? (
          <nav className="filter-links" aria-label="Pages">
            {page > 1 ? <Link href={href({ page: String(page - 1) })}>← previous</Link> : null}
            <span className="muted">page {page} of {pages}</span>
            {page < pages ? <Link href={href({ page: String(page + 1) })}>next →</Link> : null}
          </nav>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="outages-title">
        <h2 id="outages-title">Outages <span className="period-tag">last 30 days</span></h2>
        <p className="muted">Most patterns run from one source failed at once, improbably for them: their runs there count against none of them.</p>
        <Suspense fallback={<div className="skeleton" aria-label="Loading the outages" />}>
          <OutagesSection />
        </Suspense>
      </section>
    </>
  );
}
