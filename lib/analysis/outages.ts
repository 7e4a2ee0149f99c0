// The outage windows an analysis run works with. A cell (one source, one 30-minute bucket) is judged
// when runs arrive for it, from the runs of the 7 days before it (its baseline) and itself, and an
// outage cell is kept in outage_cells; so a run reads only around what is new, not the whole window.
// The first run over a database judges every cell in order, which is exactly detectOutages over it.
import type { DbHandle } from "../db/client";
import { rawAll, rawArrays } from "../db/raw";
import {
  cellKey, judgeOutageCells, mergeOutageCells, OUTAGE_BASELINE_MS, OUTAGE_BUCKET_MS, refineEdges,
  type CellJudgement, type OutageCell, type RunSample, type Tally,
} from "../detectors/outages";
import type { OutageWindow } from "../detectors/types";
import { toMs } from "./read";
import type { StepContext, Tx } from "./types";

/** The oldest run any step looks at: 8 weeks for evolution, plus a week. Older cells are not judged. */
export const HORIZON_MS = (56 + 7) * 86_400_000;
const B = OUTAGE_BUCKET_MS;

export interface RunOutages {
  /** Every outage window of the horizon, this run's judgements included. */
  windows: OutageWindow[];
  /** The cells this run judged, oldest first. */
  judged: CellJudgement[];
  /** Stored outage cells this run judged again (their rows are replaced). */
  rejudged: string[];
}

const cache = new WeakMap<StepContext, Promise<RunOutages>>();

/** This run's outages (judged on first use, then shared by the steps). */
export function runOutages(ctx: StepContext): Promise<RunOutages> {
  let o = cache.get(ctx);
  if (!o) {
    o = judge(ctx);
    cache.set(ctx, o);
  }
  return o;
}

const bool = (v: unknown) => v === true || v === 1 || v === 1n;

function bucketSql(db: DbHandle): string {
  return db.dialect === "sqlite" ? `"startedAt" / ${B}` : `floor(extract(epoch from "startedAt") * 1000 / ${B})::bigint`;
}

async function judge(ctx: StepContext): Promise<RunOutages> {
  const { db } = ctx;
  const horizon = ctx.now.getTime() - HORIZON_MS;
  const touchedRows = await rawAll<{ source: string | null; bucket: unknown }>(
    db,
    `SELECT DISTINCT "source", ${bucketSql(db)} AS "bucket" FROM "executions"
     WHERE "seq" > ? AND "seq" <= ? AND "patternId" IS NOT NULL AND "startedAt" >= ?`,
    [ctx.fromSeq, ctx.toSeq, new Date(horizon)],
  );
  const touched = new Set(touchedRows.map((r) => cellKey(r.source, Number(r.bucket))));
  const stored = await storedCells(db, horizon - OUTAGE_BASELINE_MS);
  const rejudged = stored.filter((c) => touched.has(c.id)).map((c) => c.id);
  let judged: CellJudgement[] = [];
  if (touched.size > 0) {
    // The touched cells first; only those that could be outages (enough patterns, enough of them failing
    // everything) need their 7-day baselines, which in the usual run is none of them.
    const read = async (ranges: Array<[number, number]>, into: RunSample[]) => {
      for (const [from, to] of ranges) {
        const rows = await rawArrays<[string, string | null, unknown, unknown]>(
          db,
          `SELECT "patternId", "source", "startedAt", "success" FROM "executions" WHERE "startedAt" >= ? AND "startedAt" < ? AND "patternId" IS NOT NULL`,
          [new Date(from), new Date(to)],
        );
        for (const r of rows) into.push({ patternId: r[0], source: r[1], startedAt: toMs(r[2]), success: bool(r[3]) });
      }
    };
    const buckets = touchedRows.map((r) => Number(r.bucket));
    const inCells: RunSample[] = [];
    await read(spans(buckets, 0), inCells);
    // (a baseline of 0 makes every failure improbable: what is left is the count and share rule)
    const candidates = judgeOutageCells(inCells, { judge: (s, b) => touched.has(cellKey(s, b)), baseline: () => 0 }).filter((c) => c.outage);
    const leadIns = spans(candidates.map((c) => c.bucket), OUTAGE_BASELINE_MS);
    const samples: RunSample[] = [];
    await read(leadIns, samples);
    for (const r of inCells) if (!leadIns.some(([from, to]) => r.startedAt >= from && r.startedAt < to)) samples.push(r);
    judged = judgeOutageCells(samples, { judge: (s, b) => touched.has(cellKey(s, b)), known: stored.filter((c) => !touched.has(c.id)) });
  }
  const cells: OutageCell[] = [...stored.filter((c) => !touched.has(c.id)), ...judged.filter((c) => c.outage)];
  const merged = mergeOutageCells(cells);
  const edgeRuns: RunSample[] = [];
  for (const w of merged) {
    const rows = await rawAll<{ patternId: string | null; startedAt: unknown; success: unknown }>(
      db,
      `SELECT "patternId", "startedAt", "success" FROM "executions" WHERE ${w.source === null ? `"source" IS NULL` : `"source" = ?`} AND "startedAt" >= ? AND "startedAt" < ?`,
      [...(w.source === null ? [] : [w.source]), new Date(w.start - B), new Date(w.end + B)],
    );
    for (const r of rows) edgeRuns.push({ patternId: r.patternId, source: w.source, startedAt: toMs(r.startedAt), success: bool(r.success) });
  }
  const windows = refineEdges(merged, edgeRuns).sort((a, b) => a.start - b.start || String(a.source).localeCompare(String(b.source)));
  return { windows, judged, rejudged };
}

/** The time ranges to read: each bucket with `lead` ms before it, overlapping ranges merged. */
function spans(buckets: number[], lead: number): Array<[number, number]> {
  const sorted = [...new Set(buckets)].sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  for (const b of sorted) {
    const from = b * B - lead;
    const to = (b + 1) * B;
    const last = out.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

async function storedCells(db: DbHandle, since: number): Promise<Array<OutageCell & { id: string }>> {
  const rows = await db.prisma.outageCell.findMany({ where: { bucketStart: { gte: new Date(since) } }, select: { id: true, source: true, bucketStart: true, tallies: true } });
  return rows.map((r) => ({ id: r.id, source: r.source, bucket: Math.floor(r.bucketStart.getTime() / B), patterns: parseTallies(r.tallies) }));
}

function parseTallies(json: string): Map<string, Tally> {
  const out = new Map<string, Tally>();
  try {
    for (const [p, [runs, failures]] of Object.entries(JSON.parse(json) as Record<string, [number, number]>)) out.set(p, { runs, failures });
  } catch {
    // an unreadable row only loses its baseline correction; it is replaced when its cell is judged again
  }
  return out;
}

/** Keeps this run's judgements: rejudged rows replaced, new outage cells stored, cells past the horizon dropped. */
export async function persistOutages(tx: Tx, o: RunOutages, ctx: StepContext): Promise<void> {
  if (o.rejudged.length) await tx.outageCell.deleteMany({ where: { id: { in: o.rejudged } } });
  const found = o.judged.filter((c) => c.outage);
  for (let i = 0; i < found.length; i += 500) {
    await tx.outageCell.createMany({
      data: found.slice(i, i + 500).map((c) => ({
        id: cellKey(c.source, c.bucket),
        source: c.source,
        bucketStart: new Date(c.bucket * B),
        patternsActive: c.patterns.size,
        patternsFailing: [...c.patterns.values()].filter((t) => t.failures === t.runs).length,
        tallies: JSON.stringify(Object.fromEntries([...c.patterns].map(([p, t]) => [p, [t.runs, t.failures]]))),
        detectedAt: ctx.now,
        runId: ctx.runId,
      })),
    });
  }
  await tx.outageCell.deleteMany({ where: { bucketStart: { lt: new Date(ctx.now.getTime() - HORIZON_MS - OUTAGE_BASELINE_MS) } } });
}
