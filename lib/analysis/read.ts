// What the analysis steps read: new retries joined to the failure they retried, and the patterns that ran;
// (how values come back from either driver: lib/db/raw.ts). (Per-pattern reads: pattern-runs.ts; outages: outages.ts.)
import type { DbHandle } from "../db/client";
import type { RetryOutcome } from "../detectors/types";
import { bool, toMs } from "../db/raw";
import { perRun } from "./per-run";

export async function newRetryOutcomes(db: DbHandle, fromSeq: number, toSeq: number): Promise<RetryOutcome[]> {
  const rows = await db.prisma.$queryRaw<Array<{ errorKey: string; signature: string; fix: string; success: unknown; at: unknown; command: string | null }>>`
    SELECT f."errorKey" AS "errorKey", f."errorSignature" AS "signature", r."fix" AS "fix", r."success" AS "success", r."startedAt" AS "at", r."fixCommand" AS "command"
    FROM "executions" r JOIN "executions" f ON f."id" = r."retryOf"
    WHERE r."seq" > ${fromSeq} AND r."seq" <= ${toSeq} AND r."fix" IS NOT NULL AND f."errorKey" IS NOT NULL
    ORDER BY r."seq"`;
  return rows.map((r) => ({ errorKey: r.errorKey, signature: r.signature, fix: r.fix, success: bool(r.success), at: toMs(r.at), ...(r.command ? { command: r.command } : {}) }));
}

/** The patterns that ran since the last analysis (shared by the steps that judge patterns). */
export const touchedPatterns = perRun((ctx) => patternsWithNewRuns(ctx.db, ctx.fromSeq, ctx.toSeq));

export async function patternsWithNewRuns(db: DbHandle, fromSeq: number, toSeq: number): Promise<string[]> {
  const rows = await db.prisma.$queryRaw<Array<{ patternId: string }>>`
    SELECT DISTINCT "patternId" FROM "executions" WHERE "seq" > ${fromSeq} AND "seq" <= ${toSeq} AND "patternId" IS NOT NULL`;
  return rows.map((r) => r.patternId).sort();
}
