import type { Metadata } from "next";
import { connection } from "next/server";
import { formatPercent } from "@/components/ui/format";
import { getDb } from "@/lib/db/client";
import { getFixes } from "@/lib/queries/fixes/get-fixes";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Fixes" };

export default async function FixesPage() {
  await connection();
  const fixes = await getFixes(getDb());
  return (
    <>
      <h1>Learned fixes</h1>
      <p className="subtitle">
        What retries taught: each fix with its record and the 95 % interval of its success rate. Auto-apply needs a rate of at least the setting and a lower bound of 0.70.
      </p>
      <section className="panel">
        {fixes.length === 0 ? (
          <p className="muted">No retry with a fix has been recorded yet.</p>
        ) : (
          <TableScroll label="Fixes"><table className="data">
            <thead>
              <tr>
                <th>Error signature</th>
                <th>Fix</th>
                <th>Record</th>
                <th>Success rate (95 %)</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {fixes.map((f) => (
                <tr key={f.id}>
                  <td className="mono">{f.signature}</td>
                  <td className="mono">{f.fix}</td>
                  <td>
                    {f.successes} of {f.attempts}
                  </td>
                  <td>
                    {formatPercent(f.successRate)}{" "}
                    <span className="muted">
                      ({f.interval.low.toFixed(2)}–{f.interval.high.toFixed(2)})
                    </span>
                  </td>
                  <td>
                    {f.autoApply ? <span className="badge ok">auto-apply</span> : f.selfHeal ? <span className="badge">self-healing</span> : <span className="muted">learning</span>}
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
