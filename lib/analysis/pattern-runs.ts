// Per-pattern reads for the steps that judge a pattern on its recent record: its latest runs outside
// outages (quarantine) and its daily totals outside outages (evolution). Both read only what they need
// through indexes, so an incremental run costs what the patterns it touches cost, not the whole window.
import type { DbHandle } from "../db/client";
import { rawArrays } from "../db/raw";
import { duringOutage } from "../detectors/outages";
import type { DailySuccess, ExecutionFact, OutageWindow } from "../detectors/types";
import { runOutages } from "./outages";
import { perRun } from "./per-run";
import { bool, toMs } from "../db/raw";

const DAY = 86_400_000;
const dayOf = (at: number) => new Date(Math.floor(at / DAY) * DAY).toISOString().slice(0, 10);

// What the covering index (patternId, startedAt, seq, success, source) holds: read without touching rows.
type Row = [seq: unknown, startedAt: unknown, success: unknown, source: string | null];

/** Until the ids are looked up (realIds), a run's id is its seq behind this mark. */
export const SEQ_ID = "seq:";

const fact = (patternId: string, r: Row): ExecutionFact => ({
  seq: Number(r[0]), id: `${SEQ_ID}${Number(r[0])}`, patternId, operation: "", startedAt: toMs(r[1]), durationMs: 0,
  success: bool(r[2]), errorKey: null, errorSignature: null, retryOf: null, fix: null, source: r[3], inputs: null,
});

export interface OutageRun {
  startedAt: number;
  success: boolean;
}

/** Every pattern run inside this run's outage windows, per pattern (read once per analysis run, then shared). */
export const outageRuns = perRun(async (ctx): Promise<Map<string, OutageRun[]>> => {
  const byPattern = new Map<string, OutageRun[]>();
  // the runs read around each window when its edges were drawn cover the window itself
  const { windows, around } = await runOutages(ctx);
  for (const r of around) {
    if (r.patternId === null || !duringOutage(r, windows)) continue;
    const list = byPattern.get(r.patternId);
    const run = { startedAt: r.startedAt, success: r.success };
    if (list) list.push(run);
    else byPattern.set(r.patternId, [run]);
  }
  return byPattern;
});

/** A pattern's runs in [from, to] outside outages: how many, and how many failed (the quarantine window's totals). */
export async function windowTotals(db: DbHandle, patternId: string, range: { from: number; to: number }, inOutages: readonly OutageRun[]): Promise<{ runs: number; failures: number }> {
  const [row] = await rawArrays<[unknown, unknown]>(
    db,
    `SELECT COUNT(*), SUM(CASE WHEN "success" THEN 0 ELSE 1 END) FROM "executions" WHERE "patternId" = ? AND "startedAt" >= ? AND "startedAt" <= ?`,
    [patternId, new Date(range.from), new Date(range.to)],
  );
  let runs = Number(row?.[0] ?? 0);
  let failures = Number(row?.[1] ?? 0);
  for (const r of inOutages) {
    if (r.startedAt < range.from || r.startedAt > range.to) continue;
    runs--;
    if (!r.success) failures--;
  }
  return { runs, failures };
}

/**
 * A pattern's runs that started in [from, to], outside the outages, newest first until `want` of them
 * (all of them with `want` = Infinity); returned oldest first, with whether that is every such run.
 * Ordered by (startedAt, seq), as assessPattern orders them, read backwards a page at a time from the
 * covering index; ids are SEQ_ID placeholders (realIds turns the few that get written into ids).
 */
export async function latestEligibleRuns(
  db: DbHandle,
  patternId: string,
  range: { from: number; to: number },
  outages: readonly OutageWindow[],
  want: number,
): Promise<{ runs: ExecutionFact[]; complete: boolean }> {
  const out: ExecutionFact[] = [];
  let before: { at: number; seq: number } | null = null;
  const page = Number.isFinite(want) ? want : 512;
  for (;;) {
    const rows: Row[] = await rawArrays<Row>(
      db,
      `SELECT "seq", "startedAt", "success", "source" FROM "executions"
       WHERE "patternId" = ? AND "startedAt" >= ? AND "startedAt" <= ?${before ? ` AND ("startedAt" < ? OR ("startedAt" = ? AND "seq" < ?))` : ""}
       ORDER BY "startedAt" DESC, "seq" DESC LIMIT ${page}`,
      [patternId, new Date(range.from), new Date(range.to), ...(before ? [new Date(before.at), new Date(before.at), before.seq] : [])],
    );
    for (const r of rows) {
      const f = fact(patternId, r);
      if (!duringOutage(f, outages)) out.push(f);
    }
    const last = rows.at(-1);
    if (rows.length < page) return { runs: out.reverse(), complete: true };
    if (out.length >= want) return { runs: out.slice(0, want).reverse(), complete: false };
    before = { at: toMs(last![1]), seq: Number(last![0]) };
  }
}

/**
 * The ids (as sent) behind SEQ_ID placeholders, looked up in one go for what is about to be written: a
 * person reads the ids of failed runs in the evidence; the thousands of patterns judged need none.
 */
export async function realIds(db: DbHandle, placeholders: readonly string[]): Promise<Map<string, string>> {
  const seqs = [...new Set(placeholders.filter((p) => p.startsWith(SEQ_ID)).map((p) => Number(p.slice(SEQ_ID.length))))];
  const out = new Map<string, string>();
  for (let i = 0; i < seqs.length; i += 500) {
    const chunk = seqs.slice(i, i + 500);
    for (const [seq, id] of await rawArrays<[unknown, string]>(db, `SELECT "seq", "id" FROM "executions" WHERE "seq" IN (${chunk.map(() => "?").join(", ")})`, chunk)) {
      out.set(`${SEQ_ID}${Number(seq)}`, id);
    }
  }
  return out;
}

/**
 * Per pattern, its totals per UTC day from `from` (YYYY-MM-DD) on, less its runs inside outage windows
 * (outageRuns), from the daily metrics kept at ingest. Days before `dailyFrom` are summed onto `from`: the
 * evolution step only needs them as one total, and a row per day would be most of what it reads. Entries
 * left with no runs are left out.
 */
export async function dailyTotalsOutsideOutages(
  db: DbHandle,
  patternIds: readonly string[],
  range: { from: string; dailyFrom: string },
  inOutages: ReadonlyMap<string, readonly OutageRun[]>,
): Promise<Map<string, DailySuccess[]>> {
  const bucket = (day: string) => (day < range.dailyFrom ? range.from : day);
  const out = new Map<string, DailySuccess[]>(patternIds.map((p) => [p, []]));
  // 2,000 ids a statement: on PostgreSQL the round trips of 500 cost as much as the reads (both drivers bind up to 32,766 values)
  for (let i = 0; i < patternIds.length; i += 2000) {
    const ids = patternIds.slice(i, i + 2000);
    const marks = ids.map(() => "?").join(", ");
    // two reads in the covering index's order (patternId, day), so neither sorts: the older days' total, then each day
    const older = range.dailyFrom > range.from
      ? await rawArrays<[string, unknown, unknown]>(
          db,
          `SELECT "patternId", SUM("executions"), SUM("successes") FROM "pattern_metrics_daily"
           WHERE "patternId" IN (${marks}) AND "day" >= ? AND "day" < ? GROUP BY "patternId"`,
          [...ids, range.from, range.dailyFrom],
        )
      : [];
    for (const [patternId, executions, successes] of older) out.get(patternId)?.push({ day: range.from, executions: Number(executions), successes: Number(successes) });
    const days = await rawArrays<[string, string, unknown, unknown]>(
      db,
      `SELECT "patternId", "day", SUM("executions"), SUM("successes") FROM "pattern_metrics_daily"
       WHERE "patternId" IN (${marks}) AND "day" >= ? GROUP BY "patternId", "day"`,
      [...ids, range.dailyFrom],
    );
    for (const [patternId, day, executions, successes] of days) out.get(patternId)?.push({ day, executions: Number(executions), successes: Number(successes) });
  }
  for (const [patternId, runs] of inOutages) {
    const days = out.get(patternId);
    if (!days) continue;
    for (const r of runs) {
      const day = dayOf(r.startedAt);
      if (day < range.from) continue;
      const d = days.find((x) => x.day === bucket(day));
      if (!d) continue; // not counted in the metrics (cannot happen: every run is)
      d.executions -= 1;
      if (r.success) d.successes -= 1;
    }
  }
  for (const [p, days] of out) out.set(p, days.filter((d) => d.executions > 0).sort((a, b) => (a.day < b.day ? -1 : 1)));
  return out;
}
