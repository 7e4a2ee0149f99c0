// The known fixes for an error message, best first (AUTO-003): the message's signature key finds the
// tallies through an index, and the learner's ranking orders them.
import type { DbHandle } from "../../db/client";
import { rankFixes } from "../../detectors/error-recovery";
import { errorSignature, signatureKey } from "../../signature";
import { detectorSettings, getSettings, type Settings } from "../../schemas/settings";
import { toFixRecord, type FixRecord } from "../fixes/fix-record";

export interface HealFix extends FixRecord {
  patternId: string | null;
  score: number;
  reason: string;
}

export async function getHealFixes(db: DbHandle, errorText: string, settings?: Settings): Promise<HealFix[]> {
  const signature = errorSignature(errorText);
  const key = signatureKey(signature);
  const rows = await db.prisma.errorPattern.findMany({ where: { signatureKey: key } });
  if (rows.length === 0) return [];
  const s = detectorSettings(settings ?? (await getSettings(db)));
  const byFix = new Map(rows.map((r) => [r.fix, r]));
  const ranked = rankFixes(
    rows.map((r) => ({ errorKey: r.signatureKey, signature: r.signature, fix: r.fix, attempts: r.attempts, successes: r.successes, lastAt: r.lastSeenAt.getTime(), failStreak: r.failStreak })),
    s,
    new Set(rows.filter((r) => r.autoApply).map((r) => r.fix)),
  );
  return ranked.map((f) => {
    const row = byFix.get(f.fix)!;
    return { ...toFixRecord(row, f), patternId: row.patternId, score: f.score, reason: f.reason };
  });
}
