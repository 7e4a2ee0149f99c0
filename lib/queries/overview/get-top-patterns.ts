// The busiest patterns of a period, with their success rate and time saved over the same days. The
// ranking reads only the (patternId, day, executions, successes) index; names, durations and baselines
// are then read for the few it returns.
import type { DbHandle } from "../../db/client";
import { byDialect } from "../../db/by-dialect";
import { rawAll } from "../../db/raw";
import type { DayRange } from "../period";

export interface TopPattern {
  patternId: string;
  name: string;
  status: string;
  runs: number;
  successRate: number;
  /** null when the pattern has no baseline to measure against */
  timeSavedMs: number | null;
}

export async function getTopPatterns(db: DbHandle, range: DayRange, limit = 8): Promise<TopPattern[]> {
  // SQLite: walk the (patternId, day, …) index in pattern order, so the groups come sorted and need no
  // temporary tree (`+"day"` keeps it from choosing the day index): 36 → 18 ms over 90 days at 1M executions.
  const dayFilter = byDialect(db, { sqlite: `+"day" >= ? AND +"day" <= ?`, postgresql: `"day" >= ? AND "day" <= ?` });
  const ranked = await rawAll<{ patternId: string; runs: unknown; successes: unknown }>(
    db,
    `SELECT "patternId", SUM("executions") AS "runs", SUM("successes") AS "successes" FROM "pattern_metrics_daily"
     WHERE "patternId" > '' AND ${dayFilter}
     GROUP BY "patternId" ORDER BY SUM("executions") DESC, "patternId" LIMIT ?`,
    [range.from, range.to, Math.min(Math.max(1, limit), 50)],
  );
  if (ranked.length === 0) return [];
  const ids = ranked.map((r) => r.patternId);
  const marks = ids.map(() => "?").join(", ");
  const [patterns, durations] = await Promise.all([
    db.prisma.pattern.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, status: true, baselineDurationMs: true } }),
    rawAll<{ patternId: string; duration: unknown }>(
      db,
      `SELECT "patternId", SUM("totalDurationMs") AS "duration" FROM "pattern_metrics_daily" WHERE "patternId" IN (${marks}) AND "day" >= ? AND "day" <= ? GROUP BY "patternId"`,
      [...ids, range.from, range.to],
    ),
  ]);
  const byId = new Map(patterns.map((p) => [p.id, p]));
  const durationOf = new Map(durations.map((d) => [d.patternId, Number(d.duration ?? 0)]));
  return ranked.map((r) => {
    const runs = Number(r.runs ?? 0);
    const p = byId.get(r.patternId);
    const baseline = p?.baselineDurationMs ?? null;
    return {
      patternId: r.patternId, name: p?.name ?? r.patternId, status: p?.status ?? "active", runs,
      successRate: runs ? Number(r.successes ?? 0) / runs : 0,
      timeSavedMs: baseline === null ? null : Math.round(runs * baseline - (durationOf.get(r.patternId) ?? 0)),
    };
  });
}
