// How a degrading pattern's flag reads back (AUTO-007): the day its failure rate changed and its success
// rate before and since, from `patterns.degradingSince` and the runs kept in `patterns.degradingBaseline`.
// One reader for the analysis step, `patterns list`, the pattern page and the listing.
import type { RunCounts } from "../../detectors/change-point";

/** What `patterns.degradingBaseline` holds while a pattern is flagged: its runs before the change and since. */
export interface StoredDegradation {
  before: RunCounts;
  after: RunCounts;
}

const isCounts = (x: unknown): x is RunCounts =>
  typeof x === "object" && x !== null && Number.isFinite((x as RunCounts).runs) && Number.isFinite((x as RunCounts).failures);

/**
 * The stored runs, or null when there are none or they do not parse. A flag raised before the change-point
 * rule stored `{ runs, successes }` of its earlier weeks: read as the runs before, with nothing since.
 */
export function parseStoredDegradation(json: string | null): { before: RunCounts; after: RunCounts | null } | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as Record<string, unknown>;
    if (isCounts(v.before)) return { before: v.before, after: isCounts(v.after) ? v.after : null };
    if (typeof v.runs === "number" && typeof v.successes === "number") return { before: { runs: v.runs, failures: v.runs - v.successes }, after: null };
  } catch {
    // unreadable: no figures
  }
  return null;
}

export interface DegradationFigures {
  /** YYYY-MM-DD (UTC): the day the failure rate changed */
  since: string;
  successRateBefore: number | null;
  successRateAfter: number | null;
  runsBefore: number;
  runsAfter: number | null;
}

const success = (c: RunCounts | null) => (c && c.runs > 0 ? (c.runs - c.failures) / c.runs : null);

/** The flag's figures for a pattern row, or null when it is not degrading. */
export function degradationFigures(p: { degrading: boolean; degradingSince: Date | null; degradingBaseline: string | null }): DegradationFigures | null {
  if (!p.degrading || !p.degradingSince) return null;
  const stored = parseStoredDegradation(p.degradingBaseline);
  return {
    since: p.degradingSince.toISOString().slice(0, 10),
    successRateBefore: success(stored?.before ?? null),
    successRateAfter: success(stored?.after ?? null),
    runsBefore: stored?.before.runs ?? 0,
    runsAfter: stored?.after?.runs ?? null,
  };
}
