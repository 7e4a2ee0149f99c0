// A person lifts a quarantine: the pattern is active again, the registry entry says lifted, by whom and
// why, and only failures after this moment count toward quarantining it again (countFrom).
import { audit } from "../audit/audit";
import type { DbHandle } from "../db/client";

export class LiftError extends Error {
  override name = "LiftError";
}

export async function liftQuarantine(db: DbHandle, patternId: string, opts: { actor: string; reason: string; now?: Date }): Promise<void> {
  const reason = opts.reason.trim();
  if (!reason) throw new LiftError("a reason is required to lift a quarantine");
  if (reason.length > 1000) throw new LiftError("the reason is longer than 1000 characters");
  const now = opts.now ?? new Date();
  await db.prisma.$transaction(async (tx) => {
    // Guarded by the current state: a second lift of the same entry finds nothing to change.
    const lifted = await tx.antiPattern.updateMany({
      where: { key: `pattern:${patternId}`, status: { in: ["quarantined", "proposed"] } },
      data: { status: "lifted", countFrom: now, updatedAt: now },
    });
    if (lifted.count === 0) throw new LiftError(`pattern "${patternId}" is not quarantined (or was already lifted)`);
    await tx.pattern.updateMany({ where: { id: patternId, status: "quarantined" }, data: { status: "active", quarantinedAt: null, quarantineReason: null, updatedAt: now } });
    await audit(tx, { at: now, actor: opts.actor, action: "quarantine.lift", target: { type: "anti_pattern", id: `ap_${patternId}` }, reason });
  });
}
