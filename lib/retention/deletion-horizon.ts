// How far back executions may have been deleted by retention, kept in settings: the daily metrics outlive
// the runs they count, so a reader that compares the two (the quarantine step's couldQuarantine) must know
// which days may have lost runs. Recorded before any deletion, never moved back: lowering the retention,
// cleaning, then raising it again leaves the earlier deletions known.
import type { DbHandle } from "../db/client";

const KEY = "internal.runsDeletedBefore";

/** Executions that started before this (epoch ms) may have been deleted; -Infinity when none ever were. */
export async function deletionHorizon(db: DbHandle): Promise<number> {
  const row = await db.prisma.setting.findUnique({ where: { key: KEY }, select: { value: true } });
  const at = row ? Date.parse(JSON.parse(row.value) as string) : Number.NaN;
  return Number.isNaN(at) ? Number.NEGATIVE_INFINITY : at;
}

/** Called before deleting executions that started before `cutoff`. */
export async function recordDeletionHorizon(db: DbHandle, cutoff: number, now: Date): Promise<void> {
  if ((await deletionHorizon(db)) >= cutoff) return;
  const value = JSON.stringify(new Date(cutoff).toISOString());
  await db.prisma.setting.upsert({ where: { key: KEY }, create: { key: KEY, value, updatedBy: "system", updatedAt: now }, update: { value, updatedBy: "system", updatedAt: now } });
}
