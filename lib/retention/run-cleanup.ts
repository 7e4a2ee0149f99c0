// Retention and archiving (`patterns cleanup`, the monthly job): executions older than the retention
// setting are folded into daily metrics and deleted, and active patterns unused for that long are
// archived. Safe to run at any time and more than once: each part is guarded by the state it changes.
import type { DbHandle } from "../db/client";
import { EXECUTIONS_CURSOR } from "../analysis/run";
import { getSettings } from "../schemas/settings";
import { archiveUnused } from "./archive-unused";
import { cleanExecutions, type CleanedExecutions } from "./clean-executions";
import { recordDeletionHorizon } from "./deletion-horizon";

const DAY_MS = 86_400_000;
const PROGRESS_EVERY_MS = 500;

export interface CleanupProgress {
  step: "executions" | "patterns";
  done: number;
  total: number;
  message: string;
}

export interface CleanupOptions {
  now?: Date;
  /** who the archive decisions are recorded as */
  actor?: string;
  /** called at most every half second while executions are deleted, and once per step */
  onProgress?: (progress: CleanupProgress) => void;
}

export interface CleanupSummary extends CleanedExecutions {
  retentionDays: number;
  /** ISO: executions that started before this UTC midnight were cleaned */
  cutoff: string;
  patternsArchived: number;
  /** the archived patterns, by id */
  archived: Array<{ id: string; name: string }>;
  durationMs: number;
}

/** The UTC midnight `retentionDays` before `now`'s day: whole days go, the day at the boundary stays. */
export function retentionCutoff(now: Date, retentionDays: number): number {
  return Math.floor(now.getTime() / DAY_MS) * DAY_MS - retentionDays * DAY_MS;
}

export async function runCleanup(db: DbHandle, opts: CleanupOptions = {}): Promise<CleanupSummary> {
  const started = performance.now();
  const now = opts.now ?? new Date();
  const { retentionDays } = await getSettings(db);
  const cutoff = retentionCutoff(now, retentionDays);
  const maxSeq = (await db.prisma.cursor.findUnique({ where: { name: EXECUTIONS_CURSOR } }))?.position ?? 0;

  let lastReport = 0;
  const report = (p: CleanupProgress, force = false) => {
    const t = performance.now();
    if (!opts.onProgress || (!force && t - lastReport < PROGRESS_EVERY_MS)) return;
    lastReport = t;
    opts.onProgress(p);
  };
  report({ step: "executions", done: 0, total: 0, message: `cleaning executions before ${new Date(cutoff).toISOString().slice(0, 10)}` }, true);
  await recordDeletionHorizon(db, cutoff, now);
  const cleaned = await cleanExecutions(db, {
    cutoff,
    maxSeq,
    onBatch: (done, total) => report({ step: "executions", done, total, message: `${done} of ${total} old executions deleted` }),
  });
  report({ step: "patterns", done: 0, total: 0, message: "archiving unused patterns" }, true);
  const archived = await archiveUnused(db, { cutoff, retentionDays, now, actor: opts.actor ?? "system" });
  return {
    retentionDays,
    cutoff: new Date(cutoff).toISOString(),
    ...cleaned,
    patternsArchived: archived.length,
    archived,
    durationMs: Math.round(performance.now() - started),
  };
}
