// AUTO-004: reads what one week (optionally one source) left in the database, in a few aggregate
// queries, and hands it to the pure parts (ranking, clusters, status changes, underused, follow-ups).
// Nothing here writes; generate-weekly-report.ts stores the result.
import type { DbHandle } from "../db/client";
import { getAdHocClusterRuns } from "../queries/reports/get-adhoc-cluster-runs";
import { getAdHocKeySetCounts } from "../queries/reports/get-adhoc-key-set-counts";
import { getAdHocSamples } from "../queries/reports/get-adhoc-samples";
import { getAdHocWeekGroups } from "../queries/reports/get-adhoc-week-groups";
import { getCandidateActivity } from "../queries/reports/get-candidate-activity";
import { getExecutionCandidates } from "../queries/reports/get-execution-candidates";
import { getPatternDailyRates, type PatternDay } from "../queries/reports/get-pattern-daily-rates";
import { getReportPatterns } from "../queries/reports/get-report-patterns";
import { getStatusEvents } from "../queries/reports/get-status-events";
import { getWeekUsage } from "../queries/reports/get-week-usage";
import { clusterWeek } from "./adhoc-clusters";
import { followUps } from "./follow-ups";
import { parseIsoWeek } from "./iso-week";
import { matchClusters, missedUse, opportunities, sortMissedUses } from "./missed-uses";
import { byTimeSaved, dailySeries, patternUses, ratio, weekTotals } from "./rank-patterns";
import { statusChanges } from "./status-changes";
import type { MissedUse, WeeklyReportData } from "./types";
import { underusedPatterns } from "./underused";

const DAY = 86_400_000;
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);

export interface BuildOptions {
  week: string;
  source: string | null;
  now: Date;
  retentionDays: number;
  /** the stored report of the week before (same source), for the follow-ups */
  previous: WeeklyReportData | null;
}

export async function buildWeeklyReport(db: DbHandle, opts: BuildOptions): Promise<WeeklyReportData> {
  const { from, to } = parseIsoWeek(opts.week);
  const filter = { from, to, source: opts.source };
  const before = { from: new Date(from.getTime() - 7 * DAY), to: from, source: opts.source };
  const [usage, usageBefore, patternList, candidates, groups, keySetCounts, events, candidateCounts] = await Promise.all([
    getWeekUsage(db, filter),
    getWeekUsage(db, before),
    getReportPatterns(db, to),
    getExecutionCandidates(db),
    getAdHocWeekGroups(db, filter),
    getAdHocKeySetCounts(db, { from: new Date(to.getTime() - 30 * DAY), to }),
    getStatusEvents(db, { from, to }),
    getCandidateActivity(db, { from, to }),
  ]);
  const patterns = new Map(patternList.map((p) => [p.id, p]));
  const uses = patternUses(usage, patterns);
  const usesBefore = patternUses(usageBefore, patterns);
  const totals = weekTotals(usage, uses);
  const totalsBefore = weekTotals(usageBefore, usesBefore);
  const hadBefore = totalsBefore.executions > 0;

  // ad-hoc work: clusters matched with the patterns made from them, or not covered by any
  const familySeqs = new Map<string, number>();
  for (const g of groups) familySeqs.set(g.familyKey, Math.min(familySeqs.get(g.familyKey) ?? Infinity, g.sampleSeq));
  const samples = await getAdHocSamples(db, [...familySeqs.values()]);
  const clusters = clusterWeek(groups, keySetCounts, samples);
  const { matched, uncovered } = matchClusters(clusters, candidates, patterns, from);

  const changed = opts.source === null ? events : events.filter((e) => uses.some((u) => u.patternId === e.patternId));
  const dailyIds = [...new Set([...changed.map((e) => e.patternId), ...matched.map((m) => m.pattern.id)])];
  const days = await getPatternDailyRates(db, dailyIds, { from: dayOf(from.getTime() - 28 * DAY), to: dayOf(to.getTime()) });
  const average = averageRun(days);
  const missed: MissedUse[] = [];
  for (const m of matched) {
    const runs = m.missedFrom ? await getAdHocClusterRuns(db, m.cluster, m.missedFrom, filter) : m.cluster.sources;
    const use = missedUse(m, runs, average.get(m.pattern.id) ?? null);
    if (use) missed.push(use);
  }

  const names = new Map(patternList.map((p) => [p.id, p.name]));
  const usesNow = new Map(uses.map((u) => [u.patternId, u]));
  const missedNow = new Map<string, MissedUse>();
  for (const m of missed) {
    const prev = missedNow.get(m.patternId);
    missedNow.set(m.patternId, prev ? { ...prev, runs: prev.runs + m.runs } : m);
  }
  const base = {
    week: opts.week, from: from.toISOString(), to: to.toISOString(), source: opts.source, generatedAt: opts.now.toISOString(),
    executions: totals.executions, successRate: totals.successRate, timeSavedMs: totals.timeSavedMs,
    changes: {
      executions: { value: totals.executions, previous: hadBefore ? totalsBefore.executions : null },
      successRate: { value: totals.successRate ?? 0, previous: hadBefore ? totalsBefore.successRate : null },
      timeSavedMs: { value: totals.timeSavedMs, previous: hadBefore ? totalsBefore.timeSavedMs : null },
    },
    candidates: candidateCounts,
    previousReport: opts.previous !== null,
    retentionDays: opts.retentionDays,
  };
  if (totals.executions === 0) {
    return {
      ...base, hasData: false, daily: [], patterns: [], byTimeSaved: [], underused: [], missedUses: [], opportunities: [], statusChanges: statusChanges(changed, days, names, to),
      fixes: { applied: 0, succeeded: 0, successRate: null }, followUps: [],
    };
  }
  return {
    ...base,
    hasData: true,
    daily: dailySeries(usage),
    patterns: uses,
    byTimeSaved: byTimeSaved(uses).slice(0, 20),
    underused: underusedPatterns(patternList, new Map(uses.map((u) => [u.patternId, u.uses])), { weekEnd: to, retentionDays: opts.retentionDays }),
    missedUses: sortMissedUses(missed),
    opportunities: opportunities(uncovered),
    statusChanges: statusChanges(changed, days, names, to),
    fixes: { applied: totals.fixRuns, succeeded: totals.fixSuccesses, successRate: ratio(totals.fixSuccesses, totals.fixRuns) },
    followUps: followUps(opts.previous, {
      adHocRuns: new Map(clusters.map((c) => [c.groupKey, c])),
      candidates: new Map(candidates.map((c) => [c.groupKey, c])),
      patterns,
      usesNow,
      usesBefore: new Map(usesBefore.map((u) => [u.patternId, u])),
      missedNow,
    }),
  };
}

/** A pattern's average run over the days read (four weeks up to the week's end), for what a missed use would have saved. */
function averageRun(days: readonly PatternDay[]): Map<string, number> {
  const sums = new Map<string, { runs: number; ms: number }>();
  for (const d of days) {
    const s = sums.get(d.patternId) ?? { runs: 0, ms: 0 };
    s.runs += d.runs;
    s.ms += d.durationMs;
    sums.set(d.patternId, s);
  }
  return new Map([...sums].filter(([, s]) => s.runs > 0).map(([id, s]) => [id, s.ms / s.runs]));
}
