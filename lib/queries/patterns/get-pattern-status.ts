// Where one pattern stands, for an agent about to run it (MCP pattern_status): its status, its success
// rate over the recent days (daily metrics, with the interval) and its latest runs, the degrading flag
// and since when, and the quarantine with its reason.
import type { DbHandle } from "../../db/client";
import { rawAll } from "../../db/raw";
import { wilsonInterval, type Interval } from "../../detectors/stats";
import { getPattern } from "./get-pattern";

export const RECENT_DAYS = 30;
const LATEST_RUNS = 20;
const DAY = 86_400_000;

export interface PatternStatus {
  id: string;
  name: string;
  kind: string;
  status: string;
  origin: string;
  /** Runs and successes over the last RECENT_DAYS days (UTC, today included). */
  recent: { days: number; runs: number; successes: number; successRate: number | null; interval: Interval | null };
  /** The latest runs, newest first: how many succeeded, and when the last one started. */
  latestRuns: { runs: number; successes: number; lastRunAt: string | null; lastError: string | null };
  degrading: boolean;
  degradingSince: string | null;
  quarantined: boolean;
  quarantinedAt: string | null;
  quarantineReason: string | null;
  registry: { status: string; classification: string | null; failureRate: number; occurrences: number; reason: string | null } | null;
  archivedAt: string | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function getPatternStatus(db: DbHandle, id: string, now = Date.now()): Promise<PatternStatus | null> {
  const since = new Date(Math.floor(now / DAY) * DAY - (RECENT_DAYS - 1) * DAY).toISOString().slice(0, 10);
  const [pattern, sums, latest] = await Promise.all([
    getPattern(db, id),
    rawAll<{ runs: unknown; successes: unknown }>(db, `SELECT SUM("executions") AS "runs", SUM("successes") AS "successes" FROM "pattern_metrics_daily" WHERE "patternId" = ? AND "day" >= ?`, [id, since]),
    db.prisma.execution.findMany({ where: { patternId: id }, orderBy: [{ startedAt: "desc" }, { seq: "desc" }], take: LATEST_RUNS, select: { success: true, startedAt: true, errorMessage: true } }),
  ]);
  if (!pattern) return null;
  const runs = Number(sums[0]?.runs ?? 0);
  const successes = Number(sums[0]?.successes ?? 0);
  const lastFailure = latest.find((r) => !r.success);
  return {
    id: pattern.id, name: pattern.name, kind: pattern.kind, status: pattern.status, origin: pattern.origin,
    recent: { days: RECENT_DAYS, runs, successes, successRate: runs ? successes / runs : null, interval: runs ? wilsonInterval(successes, runs) : null },
    latestRuns: {
      runs: latest.length, successes: latest.filter((r) => r.success).length,
      lastRunAt: iso(latest[0]?.startedAt ?? null), lastError: lastFailure?.errorMessage ?? null,
    },
    degrading: pattern.degrading, degradingSince: iso(pattern.degradingSince),
    quarantined: pattern.status === "quarantined", quarantinedAt: iso(pattern.quarantinedAt),
    quarantineReason: pattern.status === "quarantined" ? (pattern.quarantineReason ?? pattern.antiPattern?.reason ?? null) : null,
    registry: pattern.antiPattern
      ? { status: pattern.antiPattern.status, classification: pattern.antiPattern.classification, failureRate: pattern.antiPattern.failureRate, occurrences: pattern.antiPattern.occurrences, reason: pattern.antiPattern.reason }
      : null,
    archivedAt: iso(pattern.archivedAt),
  };
}
