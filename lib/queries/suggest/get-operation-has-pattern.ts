// A cheap first question before exec's suggestion: could any active pattern run this operation at all?
// One raw query (no ORM start-up, no suggestion index), so an ad-hoc run of an operation no pattern knows
// costs `patterns exec` a few milliseconds instead of building the index. It may say yes wrongly (the full
// lookup then finds nothing), never no wrongly; null when it cannot tell.
import type { DbHandle } from "../../db/client";
import { rawAll } from "../../db/raw";
import { SUGGESTABLE_KINDS } from "./get-suggestions";

/** Operations the YAML of a spec holds verbatim (no quoting escapes, no line folding). */
const VERBATIM = /^[\w.\/-]{1,64}$/;

export async function getOperationHasPattern(db: DbHandle, operation: string): Promise<boolean | null> {
  if (!VERBATIM.test(operation)) return null;
  const like = `%${operation.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const kinds = SUGGESTABLE_KINDS.map(() => "?").join(", ");
  // a pattern with a spec names its operation in it; one registered from telemetry (empty spec) by its runs
  const rows = await rawAll(
    db,
    `SELECT 1 AS "hit" FROM "patterns" p
     WHERE p."status" = 'active' AND p."kind" IN (${kinds})
       AND (p."spec" LIKE ? ESCAPE '\\' OR (p."spec" = '' AND EXISTS (SELECT 1 FROM "executions" e WHERE e."patternId" = p."id" AND e."operation" = ?)))
     LIMIT 1`,
    [...SUGGESTABLE_KINDS, like, operation],
  );
  return rows.length > 0;
}
