// What the settings preview replays the detectors over (lib/detectors/settings-preview.ts): a bounded read
// of the stored telemetry and findings. Each pattern's latest runs of the last 30 days (the quarantine
// window: the detector reads no further back), the stored outage windows, the candidates settings can
// still move, and the learned fixes. One windowed query for the runs, whatever the number of patterns.
import type { DbHandle } from "../../db/client";
import { rawArrays } from "../../db/raw";
import { QUARANTINE_MAX_RUNS, QUARANTINE_WINDOW_MS } from "../../detectors/anti-patterns";
import { mergeOutageCells, OUTAGE_BUCKET_MS, talliesFromJson } from "../../detectors/outages";
import type { ExecutionFact } from "../../detectors/types";
import type { PreviewFacts, PreviewPattern } from "../../detectors/settings-preview";
import { bool, toMs } from "../../db/raw";

/** Runs read per pattern: the detector's 50, and a few more so a trailing failure streak is seen to begin. */
const RUNS_PER_PATTERN = QUARANTINE_MAX_RUNS + 14;
/** Bounds on the other reads: far above what a workspace holds (852 candidates in the benchmark world). */
const MAX_ROWS = 20_000;

export const PREVIEW_WINDOW_DAYS = QUARANTINE_WINDOW_MS / 86_400_000;

type RunRow = [patternId: string, seq: unknown, startedAt: unknown, success: unknown, source: string | null, n: unknown, failures: unknown];

export async function getPreviewFacts(db: DbHandle, now: Date): Promise<PreviewFacts> {
  const from = new Date(now.getTime() - QUARANTINE_WINDOW_MS);
  const rows = await rawArrays<RunRow>(
    db,
    `SELECT "patternId", "seq", "startedAt", "success", "source", "n", "failures" FROM (
       SELECT "patternId", "seq", "startedAt", "success", "source",
         ROW_NUMBER() OVER (PARTITION BY "patternId" ORDER BY "startedAt" DESC, "seq" DESC) AS "rn",
         COUNT(*) OVER (PARTITION BY "patternId") AS "n",
         SUM(CASE WHEN "success" THEN 0 ELSE 1 END) OVER (PARTITION BY "patternId") AS "failures"
       FROM "executions" WHERE "patternId" IS NOT NULL AND "startedAt" >= ? AND "startedAt" <= ?) t
     WHERE "rn" <= ?`,
    [from, now, RUNS_PER_PATTERN],
  );
  const runsOf = new Map<string, { runs: ExecutionFact[]; n: number; failures: number }>();
  for (const [patternId, seq, startedAt, success, source, n, failures] of rows) {
    let entry = runsOf.get(patternId);
    if (!entry) runsOf.set(patternId, (entry = { runs: [], n: Number(n), failures: Number(failures) }));
    entry.runs.push({
      seq: Number(seq), id: `seq:${Number(seq)}`, patternId, operation: "", startedAt: toMs(startedAt), durationMs: 0, success: bool(success),
      errorKey: null, errorSignature: null, retryOf: null, fix: null, source, inputs: null,
    });
  }
  const ids = [...runsOf.keys()];
  const patterns: PreviewPattern[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const [meta, registry] = await Promise.all([
      db.prisma.pattern.findMany({ where: { id: { in: chunk }, kind: { not: "self_heal" } }, select: { id: true, name: true, status: true } }),
      db.prisma.antiPattern.findMany({ where: { key: { in: chunk.map((id) => `pattern:${id}`) } }, select: { patternId: true, status: true, countFrom: true } }),
    ]);
    const entries = new Map(registry.map((r) => [r.patternId!, r]));
    for (const p of meta) {
      const { runs, n, failures } = runsOf.get(p.id)!;
      const entry = entries.get(p.id);
      const countFrom = entry?.countFrom?.getTime() ?? null;
      // the window's totals stand for all its runs only when no lift moved the start of the count
      const window = runs.length < n && countFrom === null ? { runs: n, failures } : undefined;
      patterns.push({ patternId: p.id, name: p.name, status: p.status, registryStatus: entry?.status ?? null, countFrom, runs, window });
    }
  }
  const [cells, candidates, fixes] = await Promise.all([
    db.prisma.outageCell.findMany({ where: { bucketStart: { gte: from } }, select: { source: true, bucketStart: true, tallies: true }, take: MAX_ROWS }),
    db.prisma.patternCandidate.findMany({
      where: { status: { in: ["pending", "auto_approved"] } },
      select: { id: true, name: true, kind: true, status: true, confidence: true, evidenceCount: true },
      orderBy: { confidence: "desc" },
      take: MAX_ROWS,
    }),
    db.prisma.errorPattern.findMany({
      select: { id: true, signature: true, fix: true, attempts: true, successes: true, failStreak: true, autoApply: true },
      orderBy: { successes: "desc" },
      take: MAX_ROWS,
    }),
  ]);
  const outages = mergeOutageCells(cells.map((c) => ({ source: c.source, bucket: Math.floor(c.bucketStart.getTime() / OUTAGE_BUCKET_MS), patterns: talliesFromJson(c.tallies) })));
  patterns.sort((a, b) => (a.patternId < b.patternId ? -1 : 1));
  return { now: now.getTime(), outages, patterns, candidates, fixes };
}
