import type { Metadata } from "next";
import { connection } from "next/server";
import { formatDateTime, formatDuration } from "@/components/ui/format";
import { getDb } from "@/lib/db/client";
import { getExecutions } from "@/lib/queries/executions/get-executions";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Executions" };

export default async function ExecutionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const params = await searchParams;
  const pattern = typeof params.pattern === "string" && params.pattern ? params.pattern : undefined;
  const rows = await getExecutions(getDb(), { patternId: pattern, limit: 200 });
  return (
    <>
      <h1>Executions</h1>
      <p className="subtitle">{pattern ? <>Runs of pattern <code>{pattern}</code>, newest first.</> : "The newest runs, with the id each was sent with."}</p>
      <section className="panel">
        {rows.length === 0 ? (
          <p className="muted">No executions{pattern ? " for this pattern" : ""} yet.</p>
        ) : (
          <TableScroll label="Executions"><table className="data">
            <thead>
              <tr>
                <th>Id</th>
                <th>Operation</th>
                <th>Pattern</th>
                <th>Started</th>
                <th>Duration</th>
                <th>Result</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="mono">{r.id}</td>
                  <td>{r.operation}</td>
                  <td>{r.patternId ?? <span className="muted">ad hoc</span>}</td>
                  <td>{formatDateTime(r.startedAt)}</td>
                  <td>{formatDuration(r.durationMs)}</td>
                  <td>
                    <span className={`badge ${r.success ? "ok" : "bad"}`}>{r.success ? "ok" : "failed"}</span>
                    {r.fix ? <div className="muted">retry with fix “{r.fix}”</div> : null}
                    {r.errorMessage ? <div className="muted mono">{r.errorMessage.slice(0, 200)}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table></TableScroll>
        )}
      </section>
    </>
  );
}
