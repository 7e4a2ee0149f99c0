// A pattern's failures since a moment, grouped by error signature (lib/signature): how often, when last,
// one run id to follow, and whether a fix has been learned for it (AUTO-003), most frequent first.
import type { DbHandle } from "../../db/client";
import { rawAll } from "../../db/raw";

export interface FailureGroup {
  errorKey: string | null;
  signature: string | null;
  failures: number;
  lastAt: Date;
  exampleId: string;
  fixesKnown: number;
}

type Raw = { errorKey: string | null; signature: string | null; failures: unknown; lastAt: unknown; exampleId: string };

export async function getPatternFailures(db: DbHandle, patternId: string, since: Date, limit = 20): Promise<FailureGroup[]> {
  const rows = await rawAll<Raw>(
    db,
    `SELECT "errorKey", MIN("errorSignature") AS "signature", COUNT(*) AS "failures", MAX("startedAt") AS "lastAt", MAX("id") AS "exampleId"
     FROM "executions" WHERE "patternId" = ? AND "startedAt" >= ? AND "success" = ?
     GROUP BY "errorKey" ORDER BY COUNT(*) DESC, MAX("startedAt") DESC LIMIT ?`,
    [patternId, since, false, Math.min(limit, 100)],
  );
  const keys = rows.flatMap((r) => (r.errorKey ? [r.errorKey] : []));
  const fixes = keys.length ? await db.prisma.errorPattern.groupBy({ by: ["signatureKey"], where: { signatureKey: { in: keys } }, _count: { _all: true } }) : [];
  const known = new Map(fixes.map((f) => [f.signatureKey, f._count._all]));
  return rows.map((r) => ({
    errorKey: r.errorKey, signature: r.signature, failures: Number(r.failures), exampleId: r.exampleId,
    lastAt: r.lastAt instanceof Date ? r.lastAt : new Date(typeof r.lastAt === "number" ? r.lastAt : String(r.lastAt)),
    fixesKnown: r.errorKey ? (known.get(r.errorKey) ?? 0) : 0,
  }));
}
