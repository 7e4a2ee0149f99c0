// A reviewer quarantines a pattern by hand (it misbehaves in ways the failure rate does not show yet):
// the pattern stops being suggested, and the registry holds an entry saying who did it and why, which a
// lift releases like any other. Shared by the pattern page and `patterns quarantine`.
import { audit } from "../audit/audit";
import type { DbHandle } from "../db/client";
import { parseInput } from "../schemas/parse-input";
import { quarantinePatternSchema, type QuarantinePatternInput } from "../schemas/pattern-decisions";

export class QuarantineError extends Error {
  override name = "QuarantineError";
}

/** Statuses a pattern may be quarantined from; an archived one is restored first. */
const QUARANTINABLE = ["active", "draft"];

export async function quarantinePattern(db: DbHandle, input: QuarantinePatternInput, actor: string, now = new Date()): Promise<{ antiPatternId: string }> {
  const { patternId, reason } = parseInput(quarantinePatternSchema, input);
  return db.prisma.$transaction(async (tx) => {
    const before = await tx.pattern.findUnique({ where: { id: patternId }, select: { status: true } });
    // guarded by the current state: two reviewers pressing at once quarantine it once
    const done = await tx.pattern.updateMany({
      where: { id: patternId, status: { in: QUARANTINABLE } },
      data: { status: "quarantined", quarantinedAt: now, quarantineReason: reason, updatedAt: now },
    });
    if (done.count === 0) {
      throw new QuarantineError(before ? `pattern "${patternId}" is ${before.status}, so it cannot be quarantined (already handled?)` : `no pattern "${patternId}"`);
    }
    const key = `pattern:${patternId}`;
    const entry = await tx.antiPattern.findUnique({ where: { key }, select: { id: true, status: true } });
    const antiPatternId = entry?.id ?? `ap_${patternId}`;
    if (entry) {
      await tx.antiPattern.update({ where: { key }, data: { status: "quarantined", updatedAt: now } });
    } else {
      await tx.antiPattern.create({
        data: {
          id: antiPatternId, key, kind: "failing_pattern", patternId, status: "quarantined",
          evidence: JSON.stringify({ manual: true, reason }), firstSeenAt: now, lastSeenAt: now, createdAt: now, updatedAt: now,
        },
      });
    }
    await audit(tx, {
      at: now, actor, action: "quarantine.manual", target: { type: "anti_pattern", id: antiPatternId }, reason,
      before: { pattern: before!.status, entry: entry?.status ?? null }, after: { pattern: "quarantined", entry: "quarantined" },
      details: { patternId },
    });
    return { antiPatternId };
  });
}
