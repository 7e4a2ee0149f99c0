// One page of the Patterns listing: each pattern with its runs and success rate over the chosen period
// (from the daily metrics), and, for patterns made from a candidate, how many runs made it: those were
// ad hoc (no pattern id), so counting only runs that name the pattern showed "0 runs" for every approved
// pattern until something ran it by id. Paged on the server (the shared limit/offset window), sorted by
// id, name, kind or status, filtered by status and a search on id or name; filters arrive validated.
import type { DbHandle, Prisma } from "../../db/client";
import { rawAll } from "../../db/raw";
import type { DayRange } from "../period";
import { window, type Page, type PageInput } from "../shared/page-input";

export interface PatternRow {
  id: string;
  name: string;
  kind: string;
  status: string;
  origin: string;
  /** runs naming this pattern in the period */
  runs: number;
  successRate: number | null;
  /** the evidence runs of the candidate it was made from (null when it was not made from one) */
  evidenceRuns: number | null;
  degrading: boolean;
  degradingSince: string | null;
  autoApply: boolean;
  archivedAt: string | null;
}

export type PatternsPage = Page<PatternRow>;

export type PatternSort = "pattern" | "name" | "kind" | "status";

export interface PatternsInput extends PageInput<PatternSort> {
  status?: string;
  /** part of a pattern's id or name */
  q?: string;
  range: DayRange;
}

export async function getPatternsPage(db: DbHandle, opts: PatternsInput): Promise<PatternsPage> {
  const where: Prisma.PatternWhereInput = {
    ...(opts.status ? { status: opts.status } : {}),
    ...(opts.q ? { OR: [{ id: { contains: opts.q } }, { name: { contains: opts.q } }] } : {}),
  };
  const dir = opts.sort.desc ? "desc" : "asc";
  const orderBy: Prisma.PatternOrderByWithRelationInput[] =
    opts.sort.id === "pattern" ? [{ id: dir }] : [{ [opts.sort.id]: dir }, { id: "asc" }];
  const [patterns, total] = await Promise.all([
    db.prisma.pattern.findMany({
      where, orderBy, ...window(opts),
      select: { id: true, name: true, kind: true, status: true, origin: true, degrading: true, degradingSince: true, autoApply: true, archivedAt: true },
    }),
    db.prisma.pattern.count({ where }),
  ]);
  const ids = patterns.map((p) => p.id);
  if (ids.length === 0) return { rows: [], total };
  const marks = ids.map(() => "?").join(", ");
  const [usage, candidates] = await Promise.all([
    rawAll<{ patternId: string; runs: unknown; successes: unknown }>(
      db,
      `SELECT "patternId", SUM("executions") AS "runs", SUM("successes") AS "successes" FROM "pattern_metrics_daily"
       WHERE "patternId" IN (${marks}) AND "day" >= ? AND "day" <= ? GROUP BY "patternId"`,
      [...ids, opts.range.from, opts.range.to],
    ),
    db.prisma.patternCandidate.groupBy({ by: ["patternId"], where: { patternId: { in: ids }, status: { in: ["approved", "auto_approved"] } }, _sum: { evidenceCount: true } }),
  ]);
  const used = new Map(usage.map((u) => [u.patternId, { runs: Number(u.runs ?? 0), successes: Number(u.successes ?? 0) }]));
  const evidence = new Map(candidates.map((c) => [c.patternId!, c._sum.evidenceCount ?? 0]));
  return {
    total,
    rows: patterns.map((p) => {
      const u = used.get(p.id);
      return {
        id: p.id, name: p.name, kind: p.kind, status: p.status, origin: p.origin,
        runs: u?.runs ?? 0, successRate: u && u.runs ? u.successes / u.runs : null,
        evidenceRuns: evidence.get(p.id) ?? null,
        degrading: p.degrading, degradingSince: p.degradingSince?.toISOString() ?? null, autoApply: p.autoApply,
        archivedAt: p.archivedAt?.toISOString() ?? null,
      };
    }),
  };
}
