// Ad-hoc clusters against the candidates made from them: work an active pattern already does (missed
// uses, with the hours its runs would have saved) and work no pattern covers (opportunities).
import type { AdHocCluster } from "./adhoc-clusters";
import type { MissedUse, Opportunity } from "./types";

export interface CandidateRef {
  id: string;
  groupKey: string;
  status: string;
  patternId: string | null;
  decidedAt: Date | null;
}

export interface PatternRef {
  id: string;
  name: string;
  status: string;
}

export interface MatchedCluster {
  cluster: AdHocCluster;
  candidateId: string;
  pattern: PatternRef;
  /** ad-hoc runs count as missed from here on (the approval, when it fell inside the week) */
  missedFrom: Date | null;
}

const HOUR = 3_600_000;
const OPPORTUNITIES = 10;

export function matchClusters(
  clusters: readonly AdHocCluster[],
  candidates: readonly CandidateRef[],
  patterns: ReadonlyMap<string, PatternRef>,
  weekStart: Date,
): { matched: MatchedCluster[]; uncovered: Array<{ cluster: AdHocCluster; candidateId: string | null }> } {
  const byGroup = new Map(candidates.map((c) => [c.groupKey, c]));
  const matched: MatchedCluster[] = [];
  const uncovered: Array<{ cluster: AdHocCluster; candidateId: string | null }> = [];
  for (const cluster of clusters) {
    const c = byGroup.get(cluster.groupKey);
    const decided = c && (c.status === "approved" || c.status === "auto_approved") && c.patternId ? patterns.get(c.patternId) : undefined;
    if (c && decided) {
      if (decided.status === "active") {
        matched.push({ cluster, candidateId: c.id, pattern: decided, missedFrom: c.decidedAt && c.decidedAt > weekStart ? c.decidedAt : null });
      }
      continue; // a quarantined or archived pattern's work done by hand is no opportunity either
    }
    if (c?.status === "rejected") continue; // reviewers decided this is not a pattern
    uncovered.push({ cluster, candidateId: c?.status === "pending" ? c.id : null });
  }
  return { matched, uncovered };
}

/** One missed use: the runs that bypassed the pattern, and what the pattern's average run would have saved. */
export function missedUse(
  m: MatchedCluster,
  runs: ReadonlyArray<{ source: string | null; runs: number; durationMs: number }>,
  patternAvgMs: number | null,
): MissedUse | null {
  const n = runs.reduce((s, r) => s + r.runs, 0);
  if (n === 0) return null;
  const duration = runs.reduce((s, r) => s + r.durationMs, 0);
  return {
    patternId: m.pattern.id, name: m.pattern.name, runs: n, candidateId: m.candidateId,
    hoursSaved: patternAvgMs === null ? null : Math.round((Math.max(0, duration - n * patternAvgMs) / HOUR) * 100) / 100,
    sources: runs.flatMap((r) => (r.source === null ? [] : [r.source])).sort(),
  };
}

export function sortMissedUses(list: MissedUse[]): MissedUse[] {
  return list.sort((a, b) => (b.hoursSaved ?? 0) - (a.hoursSaved ?? 0) || b.runs - a.runs || (a.patternId < b.patternId ? -1 : 1));
}

/** The largest groups of ad-hoc work no pattern covers: at least 2 runs, by hours. */
export function opportunities(uncovered: ReadonlyArray<{ cluster: AdHocCluster; candidateId: string | null }>): Opportunity[] {
  return uncovered
    .filter((u) => u.cluster.runs >= 2)
    .sort((a, b) => b.cluster.durationMs - a.cluster.durationMs || b.cluster.runs - a.cluster.runs || (a.cluster.groupKey < b.cluster.groupKey ? -1 : 1))
    .slice(0, OPPORTUNITIES)
    .map(({ cluster, candidateId }) => ({
      family: cluster.familyKey, groupKey: cluster.groupKey, operation: cluster.operation, runs: cluster.runs,
      hours: Math.round((cluster.durationMs / HOUR) * 100) / 100, candidateId,
    }));
}
