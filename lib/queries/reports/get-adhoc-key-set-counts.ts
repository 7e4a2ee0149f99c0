// Each ad-hoc family's key-set counts over the 30 days before a moment: AUTO-001 clusters a family's key
// sets from these counts, so the report clusters the week's runs the way the analysis run did.
import type { DbHandle } from "../../db/client";
import { rawAll } from "../../db/raw";
import { num } from "./week-filter";

/** familyKey → keySet → runs */
export type KeySetCounts = Map<string, Map<string, number>>;

export async function getAdHocKeySetCounts(db: DbHandle, window: { from: Date; to: Date }): Promise<KeySetCounts> {
  const rows = await rawAll<{ family: string; keySet: string; n: unknown }>(
    db,
    `SELECT "family", "keySet", COUNT(*) AS "n" FROM "adhoc_shapes" WHERE "startedAt" >= ? AND "startedAt" < ? GROUP BY "family", "keySet"`,
    [window.from, window.to],
  );
  const out: KeySetCounts = new Map();
  for (const r of rows) {
    let counts = out.get(r.family);
    if (!counts) out.set(r.family, (counts = new Map()));
    counts.set(r.keySet, num(r.n));
  }
  return out;
}
