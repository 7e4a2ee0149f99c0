// Per-pattern reads for the steps that judge a pattern on its recent record: its latest runs outside
// outages (quarantine) and its daily totals outside outages (evolution). Both read only what they need
// through indexes, so an incremental run costs what the patterns it touches cost, not the whole window.
import type { DbHandle } from "../db/client";
import { rawAll } from "../db/raw";
import { duringOutage } from "../detectors/outages";
import type { DailySuccess, ExecutionFact, OutageWindow } from "../detectors/types";
import { toMs } from "./read";

const PAGE = 128;
const DAY = 86_400_000;

type Row = { seq: unknown; id: string; startedAt: unknown; success: unknown; source: string | null; errorKey: string | null; operation: string; durationMs: unknown };

const fact = (patternId: string, r: Row): ExecutionFact => ({
  seq: Number(r.seq), id: r.id, patternId, operation: r.operation, startedAt: toMs(r.startedAt), durationMs: Number(r.durationMs),
  success: r.success === true || r.success === 1 || r.success === 1n, errorKey: r.errorKey, errorSignature: null, retryOf: null, fix: null, source: r.source, inputs: null,
});

/**
 * A pattern's runs that started in [from, to], outside the outages, newest first until `want` of them
 * (all of them with `want` = Infinity); returned oldest first, with whether that is every such run.
 * Ordered by (startedAt, seq), as assessPattern orders them, read backwards a page at a time.
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
  const page = Number.isFinite(want) ? Math.max(PAGE, want) : 4 * PAGE;
  for (;;) {
    const rows: Row[] = await rawAll<Row>(
      db,
      `SELECT "seq", "id", "startedAt", "success", "source", "errorKey", "operation", "durationMs" FROM "executions"
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
    before = { at: toMs(last!.startedAt), seq: Number(last!.seq) };
  }
}

/**
 * Per pattern, its daily totals from `sinceDay` on (the daily metrics kept at ingest), less its runs
 * inside outage windows, which are read one window at a time (outages are few and short).
 */
export async function dailyTotalsOutsideOutages(
  db: DbHandle,
  patternIds: readonly string[],
  since: number,
  outages: readonly OutageWindow[],
): Promise<Map<string, DailySuccess[]>> {
  const sinceDay = new Date(Math.floor(since / DAY) * DAY).toISOString().slice(0, 10);
  const byPattern = new Map<string, Map<string, DailySuccess>>(patternIds.map((p) => [p, new Map()]));
  const add = (patternId: string, day: string, executions: number, successes: number) => {
    const days = byPattern.get(patternId);
    if (!days) return;
    const d = days.get(day) ?? { day, executions: 0, successes: 0 };
    d.executions += executions;
    d.successes += successes;
    days.set(day, d);
  };
  for (let i = 0; i < patternIds.length; i += 500) {
    const ids = patternIds.slice(i, i + 500);
    const rows = await rawAll<{ patternId: string; day: string; executions: unknown; successes: unknown }>(
      db,
      `SELECT "patternId", "day", SUM("executions") AS "executions", SUM("successes") AS "successes" FROM "pattern_metrics_daily"
       WHERE "patternId" IN (${ids.map(() => "?").join(", ")}) AND "day" >= ? GROUP BY "patternId", "day"`,
      [...ids, sinceDay],
    );
    for (const r of rows) add(r.patternId, r.day, Number(r.executions), Number(r.successes));
  }
  for (const w of outages) {
    if (w.end <= since) continue;
    const rows = await rawAll<{ patternId: string; startedAt: unknown; success: unknown }>(
      db,
      `SELECT "patternId", "startedAt", "success" FROM "executions"
       WHERE ${w.source === null ? `"source" IS NULL` : `"source" = ?`} AND "startedAt" >= ? AND "startedAt" < ? AND "patternId" IS NOT NULL`,
      [...(w.source === null ? [] : [w.source]), new Date(Math.max(w.start, since)), new Date(w.end)],
    );
    for (const r of rows) {
      const at = toMs(r.startedAt);
      add(r.patternId, new Date(Math.floor(at / DAY) * DAY).toISOString().slice(0, 10), -1, r.success === true || r.success === 1 || r.success === 1n ? -1 : 0);
    }
  }
  return new Map([...byPattern].map(([p, days]) => [p, [...days.values()].filter((d) => d.executions > 0).sort((a, b) => (a.day < b.day ? -1 : 1))]));
}
