// What the analysis steps read: new retries joined to the failure they retried, the patterns that ran,
// and windows of recent runs. Parameterised SQL shared by both dialects.
import type { DbHandle } from "../db/client";
import type { ExecutionFact, RetryOutcome } from "../detectors/types";

/** SQLite hands timestamps back as epoch ms (numbers or bigints), PostgreSQL as Dates. */
export function toMs(v: unknown): number {
  if (v instanceof Date) return v.getTime();
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "number") return v;
  return Date.parse(String(v));
}

const num = (v: unknown) => (typeof v === "bigint" ? Number(v) : Number(v));

export async function newRetryOutcomes(db: DbHandle, fromSeq: number, toSeq: number): Promise<RetryOutcome[]> {
  const rows = await db.prisma.$queryRaw<Array<{ errorKey: string; signature: string; fix: string; success: unknown; at: unknown }>>`
    SELECT f."errorKey" AS "errorKey", f."errorSignature" AS "signature", r."fix" AS "fix", r."success" AS "success", r."startedAt" AS "at"
    FROM "executions" r JOIN "executions" f ON f."id" = r."retryOf"
    WHERE r."seq" > ${fromSeq} AND r."seq" <= ${toSeq} AND r."fix" IS NOT NULL AND f."errorKey" IS NOT NULL
    ORDER BY r."seq"`;
  return rows.map((r) => ({ errorKey: r.errorKey, signature: r.signature, fix: r.fix, success: r.success === true || num(r.success) === 1, at: toMs(r.at) }));
}

export async function patternsWithNewRuns(db: DbHandle, fromSeq: number, toSeq: number): Promise<string[]> {
  const rows = await db.prisma.$queryRaw<Array<{ patternId: string }>>`
    SELECT DISTINCT "patternId" FROM "executions" WHERE "seq" > ${fromSeq} AND "seq" <= ${toSeq} AND "patternId" IS NOT NULL`;
  return rows.map((r) => r.patternId).sort();
}

type FactRow = {
  seq: unknown; id: string; patternId: string | null; operation: string; startedAt: unknown; durationMs: unknown; success: unknown;
  errorKey: string | null; errorSignature: string | null; retryOf: string | null; fix: string | null; source: string | null; inputs: string | null;
};

function toFact(r: FactRow): ExecutionFact {
  let inputs: Record<string, unknown> | null = null;
  if (r.inputs) {
    try {
      inputs = JSON.parse(r.inputs) as Record<string, unknown>;
    } catch {
      inputs = null;
    }
  }
  return {
    seq: num(r.seq), id: r.id, patternId: r.patternId, operation: r.operation, startedAt: toMs(r.startedAt), durationMs: num(r.durationMs),
    success: r.success === true || num(r.success) === 1, errorKey: r.errorKey, errorSignature: r.errorSignature, retryOf: r.retryOf, fix: r.fix,
    source: r.source, inputs,
  };
}

/** A pattern's most recent runs since `since`, newest first, at most `limit`. */
export async function recentRuns(db: DbHandle, patternId: string, since: Date, limit: number): Promise<ExecutionFact[]> {
  const rows = await db.prisma.$queryRaw<FactRow[]>`
    SELECT "seq", "id", "patternId", "operation", "startedAt", "durationMs", "success", "errorKey", "errorSignature", "retryOf", "fix", "source", "inputs"
    FROM "executions" WHERE "patternId" = ${patternId} AND "startedAt" >= ${since}
    ORDER BY "startedAt" DESC, "seq" DESC LIMIT ${limit}`;
  return rows.map(toFact);
}

/** Every pattern run since `since` in a light shape, for outage detection across patterns. */
export async function runsSince(db: DbHandle, since: Date): Promise<ExecutionFact[]> {
  const rows = await db.prisma.$queryRaw<FactRow[]>`
    SELECT "seq", "id", "patternId", "operation", "startedAt", "durationMs", "success", "errorKey", NULL AS "errorSignature", "retryOf", "fix", "source", NULL AS "inputs"
    FROM "executions" WHERE "startedAt" >= ${since} AND "patternId" IS NOT NULL`;
  return rows.map(toFact);
}
