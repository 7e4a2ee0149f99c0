// The pattern's failures in the period, grouped by error signature, each linked to the fixes learned for it.
import Link from "next/link";
import { formatCount } from "@/components/ui/format";
import { LocalTime } from "@/components/ui/local-time";
import { getDb } from "@/lib/db/client";
import { getPatternFailures } from "@/lib/queries/patterns/get-pattern-failures";
import type { Period } from "@/lib/queries/period";
import { TableScroll } from "@/components/ui/table-scroll";

export async function FailuresSection({ patternId, period }: { patternId: string; period: Period }) {
  const groups = await getPatternFailures(getDb(), patternId, new Date(`${period.from}T00:00:00Z`));
  if (groups.length === 0) return <p className="muted">No failure in the {period.label}.</p>;
  return (
    <TableScroll label="Failures by error signature">
      <table className="data wide">
        <thead>
          <tr>
            <th>Error signature</th>
            <th>Failures</th>
            <th>Last</th>
            <th>Example run</th>
            <th>Fixes</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.errorKey ?? "(none)"}>
              <td className="mono wrap-anywhere">{g.signature ?? <span className="muted">(no error message)</span>}</td>
              <td>{formatCount(g.failures)}</td>
              <td><LocalTime at={g.lastAt.toISOString()} /></td>
              <td className="mono wrap-anywhere">{g.exampleId}</td>
              <td>{g.errorKey && g.fixesKnown ? <Link href={`/fixes?signature=${encodeURIComponent(g.errorKey)}`}>{g.fixesKnown} learned</Link> : <span className="muted">none yet</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
