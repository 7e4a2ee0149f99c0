// The outage windows an analysis run works with. A cell (one source, one 30-minute bucket) is judged
// when runs arrive for it, from the runs of the 7 days before it (its baseline) and itself, and an
// outage cell is kept in outage_cells; so a run reads only around what is new, not the whole window.
// The first run over a database judges every cell of the horizon in order: judgeOutageCells over its runs.
import type { DbHandle } from "../db/client";
import { insertObjects, rawArrays, textList } from "../db/raw";
import {
  cellKey, couldBeOutage, judgeCells, talliesFromJson, talliesToJson, mergeOutageCells, OUTAGE_BASELINE_MS, OUTAGE_BUCKET_MS, OUTAGE_MIN_FAILING_SHARE, OUTAGE_MIN_PATTERNS, refineEdges,
  type CellJudgement, type OutageCell, type RunSample, type Tally,
} from "../detectors/outages";
import type { OutageWindow } from "../detectors/types";
import { mapLimit, readConcurrency } from "./concurrency";
import { perRun } from "./per-run";
import { bool, toMs } from "../db/raw";
import type { StepContext, Tx } from "./types";

/** The oldest run any step looks at: 8 weeks for evolution, plus a week. Older cells are not judged. */
export const HORIZON_MS = (56 + 7) * 86_400_000;
const B = OUTAGE_BUCKET_MS;

export interface RunOutages {
  /** Every outage window of the horizon, this run's judgements included. */
  windows: OutageWindow[];
  /** The cells this run judged in full (those the count and share rule let through), oldest first. */
  judged: CellJudgement[];
  /** Stored outage cells this run judged again (their rows are replaced). */
  rejudged: string[];
  /** Every run (ad-hoc too) of a window's source from a bucket before it to a bucket after it. */
  around: RunSample[];
}

/** This run's outages (judged on first use, then shared by the steps). */
export const runOutages = perRun((ctx) => judge(ctx));


function bucketSql(db: DbHandle): string {
  return db.dialect === "sqlite" ? `"startedAt" / ${B}` : `floor(extract(epoch from "startedAt") * 1000 / ${B})::bigint`;
}

async function judge(ctx: StepContext): Promise<RunOutages> {
  const { db } = ctx;
  const horizon = ctx.now.getTime() - HORIZON_MS;
  // A first run judges every cell of the horizon; later ones the cells their new runs fell in.
  const everything = ctx.fromSeq === 0;
  const [newCells, stored] = await Promise.all([
    everything
      ? null
      : rawArrays<[string | null, unknown]>(
          db,
          `SELECT DISTINCT "source", ${bucketSql(db)} FROM "executions" WHERE "seq" > ? AND "seq" <= ? AND "patternId" IS NOT NULL AND "startedAt" >= ?`,
          [ctx.fromSeq, ctx.toSeq, new Date(horizon)],
        ),
    storedCells(db, horizon - OUTAGE_BASELINE_MS),
  ]);
  const touched = new Set(newCells?.map(([source, bucket]) => cellKey(source, Number(bucket))));
  const ranges: Array<[number, number]> = newCells
    ? spans(newCells.map(([, bucket]) => Number(bucket)))
    : [[Math.floor(horizon / B) * B, Number.POSITIVE_INFINITY]];
  const isTouched = (key: string, bucket: number) => (everything ? bucket * B >= horizon : touched.has(key));
  const rejudged = stored.filter((c) => isTouched(c.id, c.bucket)).map((c) => c.id);
  // An incremental run seldom changes the windows (its new runs fall outside them, or their cells stay
  // outages): the runs around the stored windows are read while the candidates are counted, and used when
  // the windows judged below cover the same ranges; otherwise what they cover is read then.
  const storedAround = everything ? null : aroundRanges(mergeOutageCells(stored));
  const readAhead = storedAround && { ranges: storedAround, runs: runsAround(db, storedAround) };
  readAhead?.runs.catch(() => {}); // awaited below either way (its error reaches the step when its runs are used)

  // The cells that pass the count and share rule (≥ 3 patterns, ≥ 80 % of them failing every run), with
  // their per-pattern tallies, counted by the database: only those need a baseline, usually none.
  const candidates = new Map<string, OutageCell>();
  const nullSafe = db.dialect === "sqlite" ? `c."source" IS t."source"` : `c."source" IS NOT DISTINCT FROM t."source"`;
  for (const [from, to] of ranges) {
    const rows = await rawArrays<[string | null, unknown, string, unknown, unknown]>(
      db,
      `WITH t AS MATERIALIZED (
         SELECT "source", ${bucketSql(db)} AS "bucket", "patternId", COUNT(*) AS "runs", SUM(CASE WHEN "success" THEN 0 ELSE 1 END) AS "failures"
         FROM "executions" WHERE "startedAt" >= ?${Number.isFinite(to) ? ` AND "startedAt" < ?` : ""} AND "patternId" IS NOT NULL
         GROUP BY "source", ${bucketSql(db)}, "patternId"),
       c AS (
         SELECT "source", "bucket" FROM t GROUP BY "source", "bucket"
         HAVING COUNT(*) >= ? AND SUM(CASE WHEN "failures" = "runs" THEN 1 ELSE 0 END) >= CAST(? AS DOUBLE PRECISION) * COUNT(*) - 0.000001)
       SELECT t."source", t."bucket", t."patternId", t."runs", t."failures" FROM t JOIN c ON c."bucket" = t."bucket" AND ${nullSafe}`,
      [new Date(from), ...(Number.isFinite(to) ? [new Date(to)] : []), OUTAGE_MIN_PATTERNS, OUTAGE_MIN_FAILING_SHARE],
    );
    for (const [source, b, patternId, runs, failures] of rows) {
      const bucket = Number(b);
      const key = cellKey(source, bucket);
      if (!isTouched(key, bucket)) continue;
      let cell = candidates.get(key);
      if (!cell) candidates.set(key, (cell = { source, bucket, patterns: new Map() }));
      cell.patterns.set(patternId, { runs: Number(runs), failures: Number(failures) });
    }
  }
  const toJudge = [...candidates.values()].filter((c) => couldBeOutage(c.patterns));
  // each failing pattern's runs in the 7 days before the cell: its baseline, before outages are taken out
  const history = await baselineTallies(
    db,
    toJudge.flatMap((c) => [...c.patterns].filter(([, t]) => t.failures >= t.runs).map(([patternId]) => ({ patternId, to: c.bucket * B }))),
  );
  const judged = judgeCells(toJudge, {
    known: stored.filter((c) => !isTouched(c.id, c.bucket)),
    history: (p, _from, to) => history.get(`${p}@${to}`) ?? { runs: 0, failures: 0 },
  });
  const cells: OutageCell[] = [...stored.filter((c) => !isTouched(c.id, c.bucket)), ...judged.filter((c) => c.outage)];
  const merged = mergeOutageCells(cells);
  const around = aroundRanges(merged);
  // the read ahead is settled either way, so none of it outlives the step
  const edgeRuns =
    readAhead && sameRanges(readAhead.ranges, around)
      ? await readAhead.runs
      : (await Promise.all([readAhead?.runs.catch(() => []), runsAround(db, around)]))[1];
  const windows = refineEdges(merged, edgeRuns).sort((a, b) => a.start - b.start || String(a.source).localeCompare(String(b.source)));
  return { windows, judged, rejudged, around: edgeRuns };
}

/**
 * Per pattern and cell, its runs and failures in the 7 days before the cell (keyed `patternId@cellStart`).
 * PostgreSQL answers all of them in one statement (an index walk per pattern, as alone); SQLite, in process
 * with no round trips to save, a statement per cell.
 */
async function baselineTallies(db: DbHandle, wanted: ReadonlyArray<{ patternId: string; to: number }>): Promise<Map<string, Tally>> {
  const history = new Map<string, Tally>();
  const keep = (patternId: string, to: number, runs: unknown, failures: unknown) => history.set(`${patternId}@${to}`, { runs: Number(runs), failures: Number(failures ?? 0) });
  if (db.dialect === "postgresql") {
    if (wanted.length === 0) return history;
    const rows = await rawArrays<[string, unknown, unknown, unknown]>(
      db,
      `SELECT w."p", round(extract(epoch from w."t") * 1000)::float8, e."runs", e."failures"
       FROM json_to_recordset(?::json) AS w("p" text, "f" timestamp(3), "t" timestamp(3))
       CROSS JOIN LATERAL (SELECT COUNT(*) AS "runs", SUM(CASE WHEN "success" THEN 0 ELSE 1 END) AS "failures" FROM "executions"
         WHERE "patternId" = w."p" AND "startedAt" >= w."f" AND "startedAt" < w."t") AS e`,
      [JSON.stringify(wanted.map(({ patternId, to }) => ({ p: patternId, f: new Date(to - OUTAGE_BASELINE_MS).toISOString(), t: new Date(to).toISOString() })))],
    );
    for (const [patternId, to, runs, failures] of rows) keep(patternId, Number(to), runs, failures);
    return history;
  }
  const byCell = new Map<number, string[]>();
  for (const { patternId, to } of wanted) byCell.set(to, [...(byCell.get(to) ?? []), patternId]);
  for (const [to, patternIds] of byCell) {
    const rows = await rawArrays<[string, unknown, unknown]>(
      db,
      `SELECT "patternId", COUNT(*), SUM(CASE WHEN "success" THEN 0 ELSE 1 END) FROM "executions"
       WHERE "patternId" IN ${textList(db.dialect)} AND "startedAt" >= ? AND "startedAt" < ? GROUP BY "patternId"`,
      [JSON.stringify(patternIds), new Date(to - OUTAGE_BASELINE_MS), new Date(to)],
    );
    for (const [patternId, runs, failures] of rows) keep(patternId, to, runs, failures);
  }
  return history;
}

/**
 * Every run of each range's source in [from, to). On PostgreSQL the ranges of named sources in one
 * statement, an index walk per range (92 statements, each planned at its bind, cost four times as much);
 * SQLite, and runs with no source (`IS NOT DISTINCT FROM` would not use the index), a statement per range.
 */
async function runsAround(db: DbHandle, ranges: ReadonlyArray<{ source: string | null; from: number; to: number }>): Promise<RunSample[]> {
  const one = async (r: { source: string | null; from: number; to: number }) => {
    const rows = await rawArrays<[string | null, unknown, unknown]>(
      db,
      `SELECT "patternId", "startedAt", "success" FROM "executions" WHERE ${r.source === null ? `"source" IS NULL` : `"source" = ?`} AND "startedAt" >= ? AND "startedAt" < ?`,
      [...(r.source === null ? [] : [r.source]), new Date(r.from), new Date(r.to)],
    );
    return rows.map(([patternId, startedAt, success]): RunSample => ({ patternId, source: r.source, startedAt: toMs(startedAt), success: bool(success) }));
  };
  if (db.dialect !== "postgresql") return (await mapLimit(ranges, readConcurrency(db), one)).flat();
  const named = ranges.filter((r) => r.source !== null);
  const out = (await mapLimit(ranges.filter((r) => r.source === null), readConcurrency(db), one)).flat();
  if (named.length === 0) return out;
  const rows = await rawArrays<[number, string | null, unknown, unknown]>(
    db,
    // OFFSET 0 keeps the subquery a walk of the (source, startedAt) index per range: flattened into a join,
    // the planner, which cannot count the ranges, scanned the whole table. startedAt as exact epoch ms (see
    // latestPages): the driver's Date parsing is slow on many rows.
    `SELECT w."i", e."patternId", round(extract(epoch from e."startedAt") * 1000)::float8, e."success"
     FROM json_to_recordset(?::json) AS w("i" integer, "s" text, "f" timestamp(3), "t" timestamp(3))
     CROSS JOIN LATERAL (SELECT "patternId", "startedAt", "success" FROM "executions"
       WHERE "source" = w."s" AND "startedAt" >= w."f" AND "startedAt" < w."t" OFFSET 0) AS e`,
    [JSON.stringify(named.map((r, i) => ({ i, s: r.source, f: new Date(r.from).toISOString(), t: new Date(r.to).toISOString() })))],
  );
  for (const [i, patternId, startedAt, success] of rows) out.push({ patternId, source: named[i]!.source, startedAt: Number(startedAt), success: bool(success) });
  return out;
}

type AroundRange = { source: string | null; from: number; to: number };

/** Each window with a bucket either side, per source, overlapping ranges joined (so no run is read twice). */
function aroundRanges(windows: readonly OutageWindow[]): AroundRange[] {
  const out: AroundRange[] = [];
  for (const w of [...windows].sort((a, b) => String(a.source).localeCompare(String(b.source)) || a.start - b.start)) {
    const last = out.at(-1);
    if (last && last.source === w.source && w.start - B <= last.to) last.to = Math.max(last.to, w.end + B);
    else out.push({ source: w.source, from: w.start - B, to: w.end + B });
  }
  return out;
}

const sameRanges = (a: readonly AroundRange[], b: readonly AroundRange[]) =>
  a.length === b.length && a.every((r, i) => r.source === b[i]!.source && r.from === b[i]!.from && r.to === b[i]!.to);

/** The time ranges the buckets cover, adjacent ones merged. */
function spans(buckets: number[]): Array<[number, number]> {
  const sorted = [...new Set(buckets)].sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  for (const b of sorted) {
    const from = b * B;
    const to = (b + 1) * B;
    const last = out.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

async function storedCells(db: DbHandle, since: number): Promise<Array<OutageCell & { id: string }>> {
  const rows = await db.prisma.outageCell.findMany({ where: { bucketStart: { gte: new Date(since) } }, select: { id: true, source: true, bucketStart: true, tallies: true } });
  return rows.map((r) => ({ id: r.id, source: r.source, bucket: Math.floor(r.bucketStart.getTime() / B), patterns: talliesFromJson(r.tallies) }));
}

/** Keeps this run's judgements: rejudged rows replaced, new outage cells stored, cells past the horizon dropped. */
export async function persistOutages(tx: Tx, o: RunOutages, ctx: StepContext): Promise<void> {
  if (o.rejudged.length) await tx.outageCell.deleteMany({ where: { id: { in: o.rejudged } } });
  const found = o.judged.filter((c) => c.outage);
  await insertObjects(
    tx,
    ctx.db.dialect,
    "outage_cells",
    found.map((c) => ({
      id: cellKey(c.source, c.bucket),
      source: c.source,
      bucketStart: new Date(c.bucket * B),
      patternsActive: c.patterns.size,
      patternsFailing: [...c.patterns.values()].filter((t) => t.failures === t.runs).length,
      tallies: talliesToJson(c.patterns),
      detectedAt: ctx.now,
      runId: ctx.runId,
    })),
  );
  await tx.outageCell.deleteMany({ where: { bucketStart: { lt: new Date(ctx.now.getTime() - HORIZON_MS - OUTAGE_BASELINE_MS) } } });
}
