// The simulator's telemetry at scale for the benchmarks: many teams, each the simulator's 70 days of
// patterns and ad-hoc work with its own ids, patterns and runners, so teams never mix.
import { simulateAdHoc } from "../../lib/simulate/adhoc-scenarios";
import { simulateFailureScenarios } from "../../lib/simulate/failure-scenarios";
import type { ExecutionEvent } from "../../lib/telemetry/event-schema";
import { runAnalysis } from "../../lib/analysis/run";
import { ANALYSIS_STEPS } from "../../lib/analysis/steps";
import type { DbHandle } from "../../lib/db/client";
import { ingestEvents } from "../../lib/telemetry/ingest";

export const NOW = Date.parse("2026-11-25T12:00:00Z");
const HOUR = 3_600_000;

export function team(seed: number): ExecutionEvent[] {
  const tag = (s: string) => `t${seed}-${s}`;
  const events = [...simulateFailureScenarios({ seed, now: NOW }).events, ...simulateAdHoc({ seed, now: NOW }).events];
  return events.map((e) => ({
    ...e,
    id: tag(e.id!),
    ...(e.patternId ? { patternId: tag(e.patternId) } : {}),
    ...(e.retryOf ? { retryOf: tag(e.retryOf) } : {}),
    ...(e.source ? { source: tag(e.source) } : {}),
  }));
}

/**
 * Teams until `count` executions before a cut and `fresh` after it: the first are handed to `ingest` a
 * team at a time as they are made (never all in memory), the `fresh` newest are returned for later. The
 * cut is set from the first team's rate over its last week so that about `fresh` fall after it.
 */
export async function loadTeams(count: number, fresh: number, ingest: (batch: ExecutionEvent[]) => Promise<void>): Promise<{ teams: number; held: ExecutionEvent[]; cut: number }> {
  const first = team(1);
  const perHour = first.filter((e) => Date.parse(e.startedAt) >= NOW - 7 * 24 * HOUR && Date.parse(e.startedAt) <= NOW).length / (7 * 24);
  const expectedTeams = Math.ceil(count / first.length);
  const cut = NOW - Math.ceil((1.2 * fresh) / (perHour * expectedTeams)) * HOUR;
  const held: ExecutionEvent[] = [];
  let loaded = 0;
  let seed = 1;
  for (; loaded < count || held.length < fresh; seed++) {
    const before: ExecutionEvent[] = [];
    for (const e of seed === 1 ? first : team(seed)) (Date.parse(e.startedAt) < cut ? before : held).push(e);
    const batch = before.slice(0, Math.max(0, count - loaded));
    if (batch.length) await ingest(batch);
    loaded += batch.length;
  }
  held.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  return { teams: seed - 1, held: held.slice(0, fresh), cut };
}

/**
 * The benchmark world in a database: `count` executions of many teams stored through the ingest path, then
 * (unless `analyse` is false) one analysis run at NOW, so candidates, quarantines, fixes and their audit
 * events exist, as the page and report benchmarks need them.
 */
export async function loadWorld(db: DbHandle, count: number, opts: { analyse?: boolean } = {}): Promise<void> {
  await loadTeams(count, 0, async (batch) => {
    const out = await ingestEvents(db, batch, { maxEvents: Number.POSITIVE_INFINITY, now: NOW });
    if (!out.ok) throw new Error(`bench data refused: ${out.errors[0]?.message}`);
  });
  if (opts.analyse !== false) await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(NOW) });
}
