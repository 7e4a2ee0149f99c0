// The demo workspace: simulated telemetry through the normal ingest path, analysed week by week as a
// live system would be, so what people see in the demo is what real telemetry would produce.
import { audit } from "../audit/audit";
import { runAnalysis } from "../analysis/run";
import { ANALYSIS_STEPS } from "../analysis/steps";
import type { DbHandle } from "../db/client";
import type { ExecutionEvent } from "../telemetry/event-schema";
import { ingestEvents } from "../telemetry/ingest";
import { simulateAdHoc } from "./adhoc-scenarios";
import { simulateFailureScenarios } from "./failure-scenarios";
import { simulateFileScenarios } from "./file-scenarios";

const WEEK = 7 * 86_400_000;

export interface DemoResult {
  accepted: number;
  duplicates: number;
  patterns: number;
  analysisRuns: number;
}

export function demoEvents(now: number, seed: number): { events: ExecutionEvent[]; patterns: number } {
  const failures = simulateFailureScenarios({ seed, now });
  // ad-hoc work: repeated manual operations (candidates to review), near-misses and one-offs; files
  // scaffolded from one structure (file templates to review) among files written once
  const adHoc = simulateAdHoc({ seed, now, days: 21 }).events;
  const files = simulateFileScenarios({ seed, now, families: 8 }).events;
  const events = [...failures.events, ...adHoc, ...files];
  events.sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  return { events, patterns: failures.truth.patterns.length };
}

export async function loadDemo(db: DbHandle, opts: { now?: number; actor?: string; seed?: number } = {}): Promise<DemoResult> {
  const now = opts.now ?? Date.now();
  const actor = opts.actor ?? "demo";
  const { events, patterns } = demoEvents(now, opts.seed ?? 42);
  let accepted = 0;
  let duplicates = 0;
  let analysisRuns = 0;
  let from = 0;
  for (let end = Date.parse(events[0]!.startedAt) + WEEK; from < events.length; end += WEEK) {
    let to = from;
    while (to < events.length && Date.parse(events[to]!.startedAt) < end) to++;
    const at = Math.min(end, now);
    const outcome = await ingestEvents(db, events.slice(from, to), { maxEvents: Number.POSITIVE_INFINITY, actor, now: at });
    if (!outcome.ok) throw new Error(`demo telemetry was refused: ${outcome.errors[0]?.message ?? "invalid"}`);
    accepted += outcome.accepted;
    duplicates += outcome.duplicates;
    await runAnalysis(db, { steps: ANALYSIS_STEPS, trigger: "demo", now: new Date(at), waitMs: 30_000 });
    analysisRuns++;
    from = to;
  }
  await audit(db.prisma, { at: new Date(now), actor, action: "demo.load", target: { type: "workspace", id: "demo" }, details: { accepted, duplicates, analysisRuns } });
  return { accepted, duplicates, patterns, analysisRuns };
}
