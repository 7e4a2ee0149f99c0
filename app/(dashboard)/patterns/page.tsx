import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { formatCount, formatDateTime, formatPercent } from "@/components/ui/format";
import { currentUser, hasRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getPatterns } from "@/lib/queries/patterns/get-patterns";
import { RestoreForm } from "./_components/restore-form";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Patterns" };

const STATUSES = ["active", "quarantined", "draft", "archived"] as const;

/** The restore form's outcome, carried in the URL it redirects to (shown as text, never as markup). */
function Outcome({ params }: { params: Record<string, string | string[] | undefined> }) {
  const text = (v: unknown) => (typeof v === "string" ? v.slice(0, 300) : null);
  const restored = text(params.restored);
  const error = text(params.error);
  if (restored) return <p role="status" className="muted">Restored {restored}: it is active again.</p>;
  if (error) return <p role="alert" className="error-text">{error}</p>;
  return null;
}

export default async function PatternsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const canRestore = hasRole(await currentUser(), "reviewer");
  const params = await searchParams;
  const status = typeof params.status === "string" && (STATUSES as readonly string[]).includes(params.status) ? params.status : undefined;
  const rows = await getPatterns(getDb(), { status });
  return (
    <>
      <h1>Patterns</h1>
      <p className="subtitle">
        Filter:{" "}
        <Link href="/patterns">all</Link>
        {STATUSES.map((s) => (
          <span key={s}>
            {" · "}
            <Link href={`/patterns?status=${s}`} aria-current={status === s ? "page" : undefined}>
              {s}
            </Link>
          </span>
        ))}
      </p>
      <Outcome params={params} />
      <section className="panel">
        <TableScroll label="Patterns"><table className="data">
          <thead>
            <tr>
              <th>Pattern</th>
              <th>Kind</th>
              <th>Status</th>
              <th>Runs</th>
              <th>Success rate</th>
              <th>Trend</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={`/executions?pattern=${encodeURIComponent(p.id)}`}>{p.name}</Link>
                  {p.name !== p.id ? <div className="muted mono">{p.id}</div> : null}
                </td>
                <td>{p.kind}{p.autoApply ? <span className="badge ok">auto-apply</span> : null}</td>
                <td>
                  <span className={`badge ${p.status === "quarantined" ? "bad" : p.status === "active" ? "ok" : ""}`}>{p.status}</span>
                  {p.status === "archived" ? (
                    <>
                      {p.archivedAt ? <div className="muted">unused, archived {formatDateTime(new Date(p.archivedAt))}</div> : null}
                      {canRestore ? <RestoreForm patternId={p.id} /> : null}
                    </>
                  ) : null}
                </td>
                <td>{formatCount(p.uses)}</td>
                <td>{p.successRate === null ? "—" : formatPercent(p.successRate)}</td>
                <td>{p.degrading ? <span className="badge warn">degrading</span> : null}</td>
              </tr>
            ))}
          </tbody>
        </table></TableScroll>
      </section>
    </>
  );
}
