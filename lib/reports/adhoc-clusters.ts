// The week's ad-hoc runs sorted into AUTO-001 clusters exactly as the analysis run names them
// (family text → key-set clusters → group key), so each cluster can be matched with the candidate made
// from it: a cluster whose candidate became an active pattern is a missed use; one no pattern covers
// is a manual-work opportunity. Pure: the reads happen in lib/queries/reports.
import { clusterKeySets, familyOf, groupKeyOf, operationShape } from "../detectors/execution-patterns";
import { signatureKey } from "../signature";

export interface WeekGroup {
  familyKey: string;
  keySet: string;
  source: string | null;
  runs: number;
  durationMs: number;
  sampleSeq: number;
}

export interface AdHocCluster {
  groupKey: string;
  familyKey: string;
  /** the key sets of the family that fall in this cluster (to read its runs again) */
  keySets: string[];
  operation: string;
  runs: number;
  durationMs: number;
  /** runs per source, most first */
  sources: Array<{ source: string | null; runs: number; durationMs: number }>;
}

/**
 * Groups → clusters. `windowCounts` are the family's key-set counts over the 30 days before the week's
 * end (what AUTO-001 clusters on); a family missing there is clustered on the week's own counts.
 * `samples` give each family's text back; a family whose sample is gone (or hashes differently) is skipped.
 */
export function clusterWeek(
  groups: readonly WeekGroup[],
  windowCounts: ReadonlyMap<string, ReadonlyMap<string, number>>,
  samples: ReadonlyMap<number, { operation: string; filePaths: string[] }>,
): AdHocCluster[] {
  const byFamily = new Map<string, WeekGroup[]>();
  for (const g of groups) byFamily.set(g.familyKey, [...(byFamily.get(g.familyKey) ?? []), g]);
  const clusters = new Map<string, AdHocCluster>();
  for (const [familyKey, list] of byFamily) {
    const sample = samples.get(Math.min(...list.map((g) => g.sampleSeq)));
    if (!sample) continue;
    const family = familyOf(sample);
    if (signatureKey(family) !== familyKey) continue;
    const counts = new Map(windowCounts.get(familyKey) ?? []);
    for (const g of list) if (!counts.has(g.keySet)) counts.set(g.keySet, g.runs);
    const cores = clusterKeySets(counts);
    for (const g of list) {
      const groupKey = groupKeyOf(family, cores.get(g.keySet)!);
      let c = clusters.get(groupKey);
      if (!c) {
        c = { groupKey, familyKey, keySets: [], operation: operationShape(sample.operation), runs: 0, durationMs: 0, sources: [] };
        clusters.set(groupKey, c);
      }
      if (!c.keySets.includes(g.keySet)) c.keySets.push(g.keySet);
      c.runs += g.runs;
      c.durationMs += g.durationMs;
      const s = c.sources.find((x) => x.source === g.source);
      if (s) {
        s.runs += g.runs;
        s.durationMs += g.durationMs;
      } else c.sources.push({ source: g.source, runs: g.runs, durationMs: g.durationMs });
    }
  }
  const out = [...clusters.values()];
  for (const c of out) {
    c.keySets.sort();
    c.sources.sort((a, b) => b.runs - a.runs || String(a.source).localeCompare(String(b.source)));
  }
  return out.sort((a, b) => b.durationMs - a.durationMs || b.runs - a.runs || (a.groupKey < b.groupKey ? -1 : 1));
}
