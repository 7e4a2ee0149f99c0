// Outages of the last 30 days: windows whose runs count against no pattern's quarantine.
import { formatDateTime } from "@/components/ui/format";
import { getDb } from "@/lib/db/client";
import { getOutages } from "@/lib/queries/anti-patterns/get-outages";
import { TableScroll } from "@/components/ui/table-scroll";

export async function OutagesSection() {
  const outages = await getOutages(getDb());
  if (outages.length === 0) return <p className="muted">No outage found.</p>;
  return (
    <TableScroll label="Outages">
      <table className="data">
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
              <td className="mono wrap-anywhere">{o.source ?? "(no source)"}</td>
              <td>{formatDateTime(new Date(o.start))}</td>
              <td>{formatDateTime(new Date(o.end))}</td>
              <td>
                {o.patternsFailing} of {o.patternsActive}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
