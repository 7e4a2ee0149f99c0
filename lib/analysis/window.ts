// The recent runs of every pattern, read once per analysis run through the raw driver and shared by the
// steps that need a window: outage detection (all patterns), quarantine (30 days) and evolution (7 weeks).
import { rawAll } from "../db/raw";
import { detectOutages } from "../detectors/outages";
import type { ExecutionFact, OutageWindow } from "../detectors/types";
import { toMs } from "./read";
import type { StepContext } from "./types";

export const WINDOW_DAYS = 56 + 7; // 8 weeks for evolution, plus a week of baseline for outage detection

export interface RunWindow {
  since: number;
  byPattern: Map<string, ExecutionFact[]>;
  outages: OutageWindow[];
}

const cache = new WeakMap<StepContext, Promise<RunWindow>>();

type Row = { seq: number; id: string; patternId: string; startedAt: unknown; success: unknown; source: string | null; errorKey: string | null; operation: string; durationMs: number };

async function load(ctx: StepContext): Promise<RunWindow> {
  const since = ctx.now.getTime() - WINDOW_DAYS * 86_400_000;
  const rows = await rawAll<Row>(
    ctx.db,
    `SELECT "seq", "id", "patternId", "startedAt", "success", "source", "errorKey", "operation", "durationMs"
     FROM "executions" WHERE "startedAt" >= ? AND "patternId" IS NOT NULL`,
    [new Date(since)],
  );
  const byPattern = new Map<string, ExecutionFact[]>();
  const samples = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const fact: ExecutionFact = {
      seq: Number(r.seq), id: r.id, patternId: r.patternId, operation: r.operation, startedAt: toMs(r.startedAt), durationMs: Number(r.durationMs),
      success: r.success === true || r.success === 1, errorKey: r.errorKey, errorSignature: null, retryOf: null, fix: null, source: r.source, inputs: null,
    };
    samples[i] = fact;
    const list = byPattern.get(r.patternId);
    if (list) list.push(fact);
    else byPattern.set(r.patternId, [fact]);
  }
  return { since, byPattern, outages: detectOutages(samples) };
}

/** The window for this run (read on first use, then shared). */
export function runWindow(ctx: StepContext): Promise<RunWindow> {
  let w = cache.get(ctx);
  if (!w) {
    w = load(ctx);
    cache.set(ctx, w);
  }
  return w;
}
