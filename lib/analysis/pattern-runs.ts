// Per-pattern reads for the steps that judge a pattern on its recent record: its latest runs outside
// outages (quarantine; on PostgreSQL the first page of many patterns in one statement), and its daily totals
// outside outages (read once per run, shared by evolution and quarantine). All read only what they need
// through indexes, so an incremental run costs what the patterns it touches cost, not the whole window.
import type { DbHandle } from "../db/client";
import { bool, rawArrays, textList, toMs } from "../db/raw";
import { duringOutage } from "../detectors/outages";
import type { DailySuccess, ExecutionFact, OutageWindow } from "../detectors/types";
import { runOutages } from "./outages";
import { perRun } from "./per-run";
import type { StepContext } from "./types";
import { touchedPatterns } from "./read";
import { DEGRADATION_DEFAULTS } from "../detectors/evolution";
import { QUARANTINE_WINDOW_MS } from "../detectors/anti-patterns";
import { chunksOf, mapLimit, readConcurrency } from "./concurrency";

const DAY = 86_400_000;
const dayNames = new Map<number, string>();
/** The UTC day (YYYY-MM-DD) of a time; the few distinct days a run meets are formatted once. */
const dayOf = (at: number) => {
  const n = Math.floor(at / DAY);
  let name = dayNames.get(n);
  if (name === undefined) dayNames.set(n, (name = new Date(n * DAY).toISOString().slice(0, 10)));
  return name;
};

// What the covering index (patternId, startedAt, seq, success, source) holds: read without touching rows.
export type RunRow = [seq: unknown, startedAt: unknown, success: unknown, source: string | null];

/** Until the ids are looked up (realIds), a run's id is its seq behind this mark. */
export const SEQ_ID = "seq:";

const fact = (patternId: string, r: RunRow): ExecutionFact => ({
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

const LATEST_SQL = `SELECT "seq", "startedAt", "success", "source" FROM "executions"
  WHERE "patternId" = ? AND "startedAt" >= ? AND "startedAt" <= ?`;
const NEWEST_FIRST = `ORDER BY "startedAt" DESC, "seq" DESC`;

/**
 * A pattern's runs that started in [from, to], outside the outages, newest first until `want` of them
 * (all of them with `want` = Infinity); returned oldest first, with whether that is every such run.
 * Ordered by (startedAt, seq), as assessPattern orders them, read backwards a page at a time from the
 * covering index; ids are SEQ_ID placeholders (realIds turns the few that get written into ids).
 * `firstPage`: the newest rows of the range, already read (latestPages), and how many were asked for.
 */
export async function latestEligibleRuns(
  db: DbHandle,
  patternId: string,
  range: { from: number; to: number },
  outages: readonly OutageWindow[],
  want: number,
  firstPage?: { rows: readonly RunRow[]; limit: number },
): Promise<{ runs: ExecutionFact[]; complete: boolean }> {
  const out: ExecutionFact[] = [];
  let before: { at: number; seq: number } | null = null;
  const page = Number.isFinite(want) ? want : 512;
  for (let first = firstPage; ; first = undefined) {
    const limit = first?.limit ?? page;
    const rows: readonly RunRow[] = first
      ? first.rows
      : await rawArrays<RunRow>(
          db,
          `${LATEST_SQL}${before ? ` AND ("startedAt" < ? OR ("startedAt" = ? AND "seq" < ?))` : ""} ${NEWEST_FIRST} LIMIT ${limit}`,
          [patternId, new Date(range.from), new Date(range.to), ...(before ? [new Date(before.at), new Date(before.at), before.seq] : [])],
        );
    for (const r of rows) {
      const f = fact(patternId, r);
      if (!duringOutage(f, outages)) out.push(f);
    }
    const last = rows.at(-1);
    if (rows.length < limit) return { runs: out.reverse(), complete: true };
    if (out.length >= want) return { runs: out.slice(0, want).reverse(), complete: false };
    before = { at: toMs(last![1]), seq: Number(last![0]) };
  }
}

/** Patterns per statement in latestPages: a few statements of thousands of rows each, run side by side. */
const PAGES_PER_STATEMENT = 250;

/**
 * The first page latestEligibleRuns reads, for many patterns: each pattern's newest runs in its range,
 * `want` of them and one more for each of its runs in outages there (`inOutages`), so that the page holds
 * `want` eligible runs whenever the range does. On PostgreSQL in a few statements of 250 patterns each
 * (one index walk per pattern, as alone): a statement per pattern cost a round trip each, most of the
 * quarantine step. SQLite answers in process, with no round trips to save: there the pages are read one
 * pattern at a time by latestEligibleRuns, and this returns none.
 */
export async function latestPages(
  db: DbHandle,
  ranges: ReadonlyArray<{ patternId: string; from: number; to: number }>,
  want: number,
  inOutages: ReadonlyMap<string, readonly OutageRun[]>,
): Promise<Map<string, { rows: RunRow[]; limit: number }>> {
  const pages = new Map<string, { rows: RunRow[]; limit: number }>();
  if (db.dialect !== "postgresql") return pages;
  await mapLimit(chunksOf(ranges, PAGES_PER_STATEMENT), readConcurrency(db), async (chunk) => {
    const wanted = chunk.map(({ patternId, from, to }) => {
      const limit = want + (inOutages.get(patternId) ?? []).filter((r) => r.startedAt >= from && r.startedAt <= to).length;
      pages.set(patternId, { rows: [], limit });
      return { p: patternId, f: new Date(from).toISOString(), t: new Date(to).toISOString(), n: limit };
    });
    const rows = await rawArrays<[string, ...RunRow]>(
      db,
      // startedAt as epoch ms (exact: numeric, rounded, then a double): the driver turns a timestamp into a
      // Date through a regular expression, which took half the time of reading 100,000 rows
      `SELECT w."p", e."seq", round(extract(epoch from e."startedAt") * 1000)::float8, e."success", e."source"
       FROM json_to_recordset(?::json) AS w("p" text, "f" timestamp(3), "t" timestamp(3), "n" integer)
       CROSS JOIN LATERAL (SELECT "seq", "startedAt", "success", "source" FROM "executions"
         WHERE "patternId" = w."p" AND "startedAt" >= w."f" AND "startedAt" <= w."t" ${NEWEST_FIRST} LIMIT w."n") AS e
       ORDER BY w."p", e."startedAt" DESC, e."seq" DESC`,
      [JSON.stringify(wanted)],
    );
    for (const [patternId, ...row] of rows) pages.get(patternId)!.rows.push(row as RunRow);
  });
  return pages;
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
 * left with no runs are left out. The rows are read for all the patterns at once (readDailySqlite,
 * readDailyPostgres): an incremental run touches most of them.
 */
export async function dailyTotalsOutsideOutages(
  db: DbHandle,
  patternIds: readonly string[],
  range: DailyRange,
  inOutages: ReadonlyMap<string, readonly OutageRun[]>,
): Promise<Map<string, DailySuccess[]>> {
  return withoutOutageRuns(await readDailyTotals(db, patternIds, range), range, inOutages);
}

interface DailyRange {
  from: string;
  dailyFrom: string;
}

/** Per pattern, its totals per day as stored (each a fresh object: withoutOutageRuns changes them). */
async function readDailyTotals(db: DbHandle, patternIds: readonly string[], range: DailyRange): Promise<Map<string, Map<string, DailySuccess>>> {
  const byDay = new Map<string, Map<string, DailySuccess>>(patternIds.map((p) => [p, new Map()]));
  const add = (patternId: string, day: string, executions: number, successes: number) => {
    const days = byDay.get(patternId);
    const d = days?.get(day);
    if (d) {
      d.executions += executions;
      d.successes += successes;
    } else days?.set(day, { day, executions, successes });
  };
  if (patternIds.length) await (db.dialect === "postgresql" ? readDailyPostgres : readDailySqlite)(db, patternIds, range, add);
  return byDay;
}

/** The daily totals less the runs inside outage windows, each pattern's days in order, empty days left out. */
function withoutOutageRuns(byDay: Map<string, Map<string, DailySuccess>>, range: DailyRange, inOutages: ReadonlyMap<string, readonly OutageRun[]>): Map<string, DailySuccess[]> {
  const bucket = (day: string) => (day < range.dailyFrom ? range.from : day);
  for (const [patternId, runs] of inOutages) {
    const days = byDay.get(patternId);
    if (!days) continue;
    for (const r of runs) {
      const day = dayOf(r.startedAt);
      if (day < range.from) continue;
      const d = days.get(bucket(day));
      if (!d) continue; // not counted in the metrics (cannot happen: every run is)
      d.executions -= 1;
      if (r.success) d.successes -= 1;
    }
  }
  const out = new Map<string, DailySuccess[]>();
  for (const [p, days] of byDay) out.set(p, [...days.values()].filter((d) => d.executions > 0).sort((a, b) => (a.day < b.day ? -1 : 1)));
  return out;
}

type AddDay = (patternId: string, day: string, executions: number, successes: number) => void;

/**
 * The metrics rows behind dailyTotalsOutsideOutages on SQLite: the older days summed per pattern, the recent
 * ones as stored (a row per operation, added up by `add`).
 */
async function readDailySqlite(db: DbHandle, patternIds: readonly string[], range: { from: string; dailyFrom: string }, add: AddDay): Promise<void> {
  const ids = JSON.stringify(patternIds);
  if (range.dailyFrom > range.from) {
    const older = await rawArrays<[string, unknown, unknown]>(
      db,
      `SELECT "patternId", SUM("executions"), SUM("successes") FROM "pattern_metrics_daily"
       WHERE "patternId" IN ${textList(db.dialect)} AND "day" >= ? AND "day" < ? GROUP BY "patternId"`,
      [ids, range.from, range.dailyFrom],
    );
    for (const [patternId, executions, successes] of older) add(patternId, range.from, Number(executions), Number(successes));
  }
  const recent = await rawArrays<[string, string, unknown, unknown]>(
    db,
    `SELECT "patternId", "day", "executions", "successes" FROM "pattern_metrics_daily" WHERE "patternId" IN ${textList(db.dialect)} AND "day" >= ?`,
    [ids, range.dailyFrom],
  );
  for (const [patternId, day, executions, successes] of recent) add(patternId, day, Number(executions), Number(successes));
}

/**
 * The same on PostgreSQL, the two statements side by side. The client's parsing of the rows was half the
 * cost: patterns come back as their place in the list, and each pattern's recent days as three integer
 * arrays (day since `dailyFrom`, executions, successes), 3,000 rows where there were 80,000. (One aggregate
 * per pattern and day spilled to disk; chunks of 500 patterns scanned the table once per chunk.)
 */
async function readDailyPostgres(db: DbHandle, patternIds: readonly string[], range: { from: string; dailyFrom: string }, add: AddDay): Promise<void> {
  const ids = JSON.stringify(patternIds);
  const listed = `json_array_elements_text(?::json) WITH ORDINALITY AS w("p", "i") JOIN "pattern_metrics_daily" m ON m."patternId" = w."p"`;
  const first = Date.parse(`${range.dailyFrom}T00:00:00.000Z`);
  await Promise.all([
    range.dailyFrom > range.from &&
      rawArrays<[unknown, unknown, unknown]>(db, `SELECT w."i", SUM(m."executions"), SUM(m."successes") FROM ${listed} WHERE m."day" >= ? AND m."day" < ? GROUP BY w."i"`, [
        ids, range.from, range.dailyFrom,
      ]).then((rows) => {
        for (const [i, executions, successes] of rows) add(patternIds[Number(i) - 1]!, range.from, Number(executions), Number(successes));
      }),
    rawArrays<[unknown, number[], number[], number[]]>(
      db,
      `SELECT w."i", array_agg(m."day"::date - CAST(? AS text)::date), array_agg(m."executions"), array_agg(m."successes") FROM ${listed} WHERE m."day" >= ? GROUP BY w."i"`,
      [range.dailyFrom, ids, range.dailyFrom],
    ).then((rows) => {
      for (const [i, days, executions, successes] of rows) {
        const patternId = patternIds[Number(i) - 1]!;
        for (let k = 0; k < days.length; k++) add(patternId, dayOf(first + days[k]! * DAY), executions[k]!, successes[k]!);
      }
    }),
  ]);
}

/**
 * The touched patterns' totals per UTC day outside outages, read once per run for the two steps that judge
 * them on it: evolution (its 12-week lookback, the days before the last 4 weeks as one total) and
 * quarantine (whether a pattern could be quarantined at all, from the days of its 30-day window).
 */
export const touchedDailyTotals = perRun(async (ctx) => {
  const { range, rows } = await touchedDailyRows(ctx);
  return { byPattern: withoutOutageRuns(rows, range, await outageRuns(ctx)), ...range };
});

/** The rows behind touchedDailyTotals, as stored: they need no outage, so the run starts reading them first. */
const touchedDailyRows = perRun(async (ctx) => {
  const now = ctx.now.getTime();
  const from = dayOf(now - (DEGRADATION_DEFAULTS.lookbackDays - 1) * DAY);
  const evolutionDaily = dayOf(now - (DEGRADATION_DEFAULTS.changeWithinDays - 1) * DAY);
  const quarantineDaily = dayOf(now - QUARANTINE_WINDOW_MS);
  const range = { from, dailyFrom: evolutionDaily < quarantineDaily ? evolutionDaily : quarantineDaily };
  return { range, rows: await readDailyTotals(ctx.db, await touchedPatterns(ctx), range) };
});

/**
 * Starts the run's largest shared read (the touched patterns' daily totals, ~80,000 rows at 1,000,000 runs on
 * PostgreSQL) while the first steps work: the database reads them while this process finds outages. A failure
 * reaches the step that awaits it.
 */
export function startSharedReads(ctx: StepContext): void {
  touchedDailyRows(ctx).catch(() => {});
}
