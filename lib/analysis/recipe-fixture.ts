// Retries that teach the error learner a fix with a command, for the recipe tests: `count` failures with
// the same error, each retried by the fix (and its command) with the given outcomes, then one analysis of
// the error learner alone. Telemetry arrives through the same ingest path as the API's.
import type { DbHandle } from "../db/client";
import { ingestEvents } from "../telemetry/ingest";
import { runAnalysis } from "./run";
import { errorRecoveryStep, fixRowId } from "./steps/error-recovery";
import { errorSignature, signatureKey } from "../signature";

export interface TeachOptions {
  error: string;
  fix: string;
  command?: string;
  count: number;
  /** outcome of the i-th retry (default: all succeed) */
  success?: (i: number) => boolean;
  /** distinguishes the ids of separate batches */
  batch: string;
  /** the first run's start (ms); the runs are a minute apart */
  from: number;
}

export function retryEvents(o: TeachOptions): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [];
  for (let i = 0; i < o.count; i++) {
    const at = o.from + i * 60_000;
    events.push({ id: `${o.batch}-f${i}`, operation: "build", startedAt: new Date(at).toISOString(), durationMs: 5, success: false, error: { message: o.error } });
    events.push({
      id: `${o.batch}-r${i}`, operation: "build", startedAt: new Date(at + 30_000).toISOString(), durationMs: 5, success: o.success?.(i) ?? true,
      retryOf: `${o.batch}-f${i}`, fix: o.fix, ...(o.command ? { fixCommand: o.command } : {}),
    });
  }
  return events;
}

/** Ingests the retries and runs the error learner once; answers the learned fix's id. */
export async function teachFix(db: DbHandle, o: TeachOptions): Promise<string> {
  const outcome = await ingestEvents(db, retryEvents(o), { actor: "test" });
  if (!outcome.ok) throw new Error(`fixture events refused: ${JSON.stringify(outcome.errors[0])}`);
  await runAnalysis(db, { steps: [errorRecoveryStep], now: new Date(o.from + o.count * 60_000 + 60_000) });
  return fixRowId(signatureKey(errorSignature(o.error)), o.fix);
}
