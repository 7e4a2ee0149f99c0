// A week's usage rows → the headline numbers, the daily series and the patterns ranked by uses and by
// time saved. Time saved per run = the pattern's baseline − the run's duration, so over a week it is
// uses × baseline − total duration (net: a run slower than the baseline counts against it).
import type { DailyPoint, PatternUse } from "./types";

export interface UsageRow {
  day: string;
  patternId: string | null;
  runs: number;
  successes: number;
  durationMs: number;
  fixRuns: number;
  fixSuccesses: number;
}

export interface PatternBaseline {
  id: string;
  name: string;
  baselineDurationMs: number | null;
  baselineSource: "evidence" | "admin" | null;
}

export interface WeekTotals {
  executions: number;
  successes: number;
  successRate: number | null;
  timeSavedMs: number;
  fixRuns: number;
  fixSuccesses: number;
}

export const ratio = (a: number, b: number): number | null => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

export function timeSaved(uses: number, durationMs: number, baseline: number | null): number {
  return baseline === null ? 0 : Math.round(uses * baseline - durationMs);
}

export function patternUses(rows: readonly UsageRow[], patterns: ReadonlyMap<string, PatternBaseline>): PatternUse[] {
  const by = new Map<string, { uses: number; successes: number; durationMs: number }>();
  for (const r of rows) {
    if (r.patternId === null) continue;
    const t = by.get(r.patternId) ?? { uses: 0, successes: 0, durationMs: 0 };
    t.uses += r.runs;
    t.successes += r.successes;
    t.durationMs += r.durationMs;
    by.set(r.patternId, t);
  }
  return [...by]
    .map(([patternId, t]) => {
      const p = patterns.get(patternId);
      const baseline = p?.baselineDurationMs ?? null;
      return {
        patternId, name: p?.name ?? patternId, uses: t.uses, successRate: ratio(t.successes, t.uses) ?? 0,
        timeSavedMs: timeSaved(t.uses, t.durationMs, baseline), baselineSource: baseline === null ? null : (p?.baselineSource ?? null), baselineDurationMs: baseline,
      };
    })
    .sort((a, b) => b.uses - a.uses || (a.patternId < b.patternId ? -1 : 1));
}

export function byTimeSaved(uses: readonly PatternUse[]): PatternUse[] {
  return uses.filter((u) => u.baselineDurationMs !== null).sort((a, b) => b.timeSavedMs - a.timeSavedMs || (a.patternId < b.patternId ? -1 : 1));
}

export function weekTotals(rows: readonly UsageRow[], uses: readonly PatternUse[]): WeekTotals {
  let executions = 0, successes = 0, fixRuns = 0, fixSuccesses = 0;
  for (const r of rows) {
    executions += r.runs;
    successes += r.successes;
    fixRuns += r.fixRuns;
    fixSuccesses += r.fixSuccesses;
  }
  return { executions, successes, successRate: ratio(successes, executions), timeSavedMs: uses.reduce((s, u) => s + u.timeSavedMs, 0), fixRuns, fixSuccesses };
}

/** Days with runs only (a day without any is a gap for the charts, not a zero). */
export function dailySeries(rows: readonly UsageRow[]): DailyPoint[] {
  const by = new Map<string, DailyPoint>();
  for (const r of rows) {
    const d = by.get(r.day) ?? { day: r.day, executions: 0, successes: 0 };
    d.executions += r.runs;
    d.successes += r.successes;
    by.set(r.day, d);
  }
  return [...by.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}
