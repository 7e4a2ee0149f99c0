import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { formatCount, formatPercent } from "@/components/ui/format";
import { getDb } from "@/lib/db/client";
import { getPatterns } from "@/lib/queries/patterns/get-patterns";

export const metadata: Metadata = { title: "Patterns" };

const STATUSES = ["active", "quarantined", "draft", "archived"] as const;

export default async function PatternsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
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
      <section className="panel">
        <table className="data">
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
                </td>
                <td>{formatCount(p.uses)}</td>
                <td>{p.successRate === null ? "—" : formatPercent(p.successRate)}</td>
                <td>{p.degrading ? <span className="badge warn">degrading</span> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
