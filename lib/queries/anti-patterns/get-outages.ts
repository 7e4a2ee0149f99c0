// The outages the analysis found (AUTO-005): a source's adjacent outage cells as one window, newest first
// (on 30-minute bucket edges; the analysis also stretches each over the failures just outside it).
import type { DbHandle } from "../../db/client";
import { mergeOutageCells, OUTAGE_BUCKET_MS, talliesFromJson } from "../../detectors/outages";
import type { OutageWindow } from "../../detectors/types";

/** Outage windows that began in the last `days` days (30 unless told), newest first. */
export async function getOutages(db: DbHandle, opts: { days?: number; now?: Date } = {}): Promise<OutageWindow[]> {
  const since = new Date((opts.now ?? new Date()).getTime() - (opts.days ?? 30) * 86_400_000);
  const rows = await db.prisma.outageCell.findMany({ where: { bucketStart: { gte: since } }, select: { source: true, bucketStart: true, tallies: true } });
  const cells = rows.map((r) => ({ source: r.source, bucket: Math.floor(r.bucketStart.getTime() / OUTAGE_BUCKET_MS), patterns: talliesFromJson(r.tallies) }));
  return mergeOutageCells(cells).sort((a, b) => b.start - a.start);
}
