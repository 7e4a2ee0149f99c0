// An admin sets the duration a pattern's runs are measured against (AUTO-004 time saved), when the
// evidence's median is wrong or missing; or clears it back to the evidence's. Recorded in the audit log.
import { z } from "zod";
import type { DbHandle } from "../db/client";
import { audit } from "../audit/audit";
import { evidenceBaseline } from "./decide-candidate";
import { specFromYaml } from "../schemas/pattern-spec";

export class BaselineError extends Error {
  override name = "BaselineError";
}

export const baselineSchema = z.strictObject({
  patternId: z.string().min(1).max(200),
  /** milliseconds, or null to go back to the evidence's median */
  durationMs: z.number().int().min(0).max(7 * 86_400_000).nullable(),
  actor: z.string().trim().min(1).max(200),
});

export async function setPatternBaseline(db: DbHandle, input: z.input<typeof baselineSchema>): Promise<{ baselineDurationMs: number | null; baselineSource: string | null }> {
  const parsed = baselineSchema.safeParse(input);
  if (!parsed.success) throw new BaselineError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const { patternId, durationMs, actor } = parsed.data;
  const now = new Date();
  let data: { baselineDurationMs: number | null; baselineSource: string | null } = { baselineDurationMs: durationMs, baselineSource: "admin" };
  if (durationMs === null) {
    const candidate = await db.prisma.patternCandidate.findFirst({ where: { patternId, status: { in: ["approved", "auto_approved"] }, proposedSpec: { not: null } } });
    data = candidate ? evidenceBaseline(specFromYaml(candidate.proposedSpec!)) : { baselineDurationMs: null, baselineSource: null };
  }
  await db.prisma.$transaction(async (tx) => {
    const done = await tx.pattern.updateMany({ where: { id: patternId }, data: { ...data, updatedAt: now } });
    if (done.count === 0) throw new BaselineError(`no pattern "${patternId}"`);
    await audit(tx, { at: now, actor, action: "pattern.baseline", target: { type: "pattern", id: patternId }, after: data });
  });
  return data;
}
