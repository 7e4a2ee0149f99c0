// With aggressive mode off, AUTO-005 only proposes quarantines; a reviewer confirms one here. The pattern
// is then quarantined on the detector's evidence (its reason is kept on the pattern), the same as an
// automatic quarantine, and a lift releases it. Shared by the registry page and `patterns confirm-quarantine`.
import { audit } from "../audit/audit";
import type { DbHandle } from "../db/client";
import { parseInput } from "../schemas/parse-input";
import { confirmQuarantineSchema, type ConfirmQuarantineInput } from "../schemas/pattern-decisions";

export class ConfirmQuarantineError extends Error {
  override name = "ConfirmQuarantineError";
}

function detectorReason(entry: { evidence: string; classification: string | null }): string {
  let reason = "";
  try {
    reason = String((JSON.parse(entry.evidence) as { reason?: unknown }).reason ?? "");
  } catch {
    reason = "";
  }
  return [entry.classification, reason].filter(Boolean).join(": ") || "proposed by the anti-pattern detector";
}

export async function confirmQuarantine(db: DbHandle, input: ConfirmQuarantineInput, actor: string, now = new Date()): Promise<{ antiPatternId: string }> {
  const { patternId, reason } = parseInput(confirmQuarantineSchema, input);
  const key = `pattern:${patternId}`;
  return db.prisma.$transaction(async (tx) => {
    const entry = await tx.antiPattern.findUnique({ where: { key }, select: { id: true, status: true, evidence: true, classification: true } });
    // guarded by the current state: only a proposal is confirmed, and only once
    const done = await tx.antiPattern.updateMany({ where: { key, status: "proposed" }, data: { status: "quarantined", updatedAt: now } });
    if (done.count === 0 || !entry) {
      throw new ConfirmQuarantineError(entry ? `the entry for "${patternId}" is ${entry.status}, not proposed (already handled?)` : `no proposed quarantine for "${patternId}"`);
    }
    const why = detectorReason(entry);
    const pattern = await tx.pattern.updateMany({
      where: { id: patternId, status: { in: ["active", "draft"] } },
      data: { status: "quarantined", quarantinedAt: now, quarantineReason: why, updatedAt: now },
    });
    await audit(tx, {
      at: now, actor, action: "quarantine.confirm", target: { type: "anti_pattern", id: entry.id }, reason: reason ?? `confirmed: ${why}`,
      before: { entry: "proposed" }, after: { entry: "quarantined", pattern: pattern.count ? "quarantined" : "unchanged" },
      details: { patternId },
    });
    return { antiPatternId: entry.id };
  });
}
