// Patterns approved before baselines were recorded at approval get theirs on the first report that
// needs them: the median duration of their candidate's evidence runs, from the candidate's spec.
import type { DbHandle } from "../db/client";
import { updateRows } from "../db/raw";
import { evidenceBaseline } from "../mutations/decide-candidate";
import { specFromYaml } from "../schemas/pattern-spec";

/** Returns how many patterns got a baseline. */
export async function fillMissingBaselines(db: DbHandle): Promise<number> {
  const rows = await db.prisma.patternCandidate.findMany({
    where: { status: { in: ["approved", "auto_approved"] }, proposedSpec: { not: null }, pattern: { baselineSource: null } },
    select: { patternId: true, proposedSpec: true },
  });
  const updates: Array<{ key: string; set: { baselineDurationMs: number; baselineSource: string } }> = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if (!r.patternId || seen.has(r.patternId)) continue;
    try {
      updates.push({ key: r.patternId, set: evidenceBaseline(specFromYaml(r.proposedSpec!)) });
      seen.add(r.patternId);
    } catch {
      /* a spec that does not parse gives no baseline: the report shows that pattern without one */
    }
  }
  if (updates.length === 0) return 0;
  await db.prisma.$transaction(async (tx) => {
    await updateRows(tx, db.dialect, "patterns", "id", { baselineDurationMs: "double precision", baselineSource: "text" }, updates);
  });
  return updates.length;
}
