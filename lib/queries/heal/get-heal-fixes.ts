// The known fixes for an error message, best first (AUTO-003): the fixes of the message's own signature,
// then those of the learned signatures the message fits as written, or, when there are none of either,
// of those whose words mostly agree; each says how near its signature is. Within a signature the
// learner's ranking orders them.
import type { DbHandle } from "../../db/client";
import { rankFixes } from "../../detectors/error-recovery";
import { nearestSignatures, type SignatureMatch } from "../../detectors/nearest-signatures";
import { errorSignature, signatureKey } from "../../signature";
import { detectorSettings, getSettings, type Settings } from "../../schemas/settings";
import { toFixRecord, type FixRecord } from "../fixes/fix-record";
import { getSignatureIndex } from "./get-signature-index";

export interface HealFix extends FixRecord {
  patternId: string | null;
  score: number;
  reason: string;
  /** How the fix's signature relates to the message: its own ("exact"), one it fits, or a similar one. */
  match: SignatureMatch;
  /** Share of words the two signatures agree on (1 for exact). */
  similarity: number;
  /** The nearness in words, for people. */
  how: string;
}

export interface HealOptions {
  settings?: Settings;
  /** At most this many signatures besides the message's own (default 3; 0 = exact only). */
  nearest?: number;
}

export async function getHealFixes(db: DbHandle, errorText: string, opts: HealOptions = {}): Promise<HealFix[]> {
  const template = errorSignature(errorText);
  const key = signatureKey(template);
  const limit = opts.nearest ?? 3;
  const index = limit > 0 ? await getSignatureIndex(db) : null;
  const found = index ? nearestSignatures(index, { message: errorText, template, key }, { limit: limit + 1 }) : [];
  // Merely similar signatures are a last resort: they come only when neither the message's own
  // signature nor one it fits has been learned (a similar error is often a different one).
  const strong = found.some((n) => n.match !== "similar");
  const near = found.filter((n) => n.key !== key && (n.match === "fits" || !strong)).slice(0, limit);
  const keys = [key, ...near.map((n) => n.key)];
  const rows = await db.prisma.errorPattern.findMany({ where: { signatureKey: { in: keys } } });
  if (rows.length === 0) return [];
  const s = detectorSettings(opts.settings ?? (await getSettings(db)));
  const how = new Map<string, { match: SignatureMatch; similarity: number; how: string }>([
    [key, { match: "exact", similarity: 1, how: "the same signature" }],
    ...near.map((n) => [n.key, { match: n.match, similarity: n.similarity, how: n.how }] as const),
  ]);
  const out: HealFix[] = [];
  for (const k of keys) {
    const mine = rows.filter((r) => r.signatureKey === k);
    if (!mine.length) continue;
    const byFix = new Map(mine.map((r) => [r.fix, r]));
    const ranked = rankFixes(
      mine.map((r) => ({ errorKey: r.signatureKey, signature: r.signature, fix: r.fix, attempts: r.attempts, successes: r.successes, lastAt: r.lastSeenAt.getTime(), failStreak: r.failStreak })),
      s,
      new Set(mine.filter((r) => r.autoApply).map((r) => r.fix)),
    );
    for (const f of ranked) {
      const row = byFix.get(f.fix)!;
      const near = how.get(k)!;
      const reason = near.match === "exact" ? f.reason : `${f.reason}; learned for "${row.signature}" (${near.how})`;
      out.push({ ...toFixRecord(row, f), patternId: row.patternId, score: f.score, reason, ...near });
    }
  }
  return out;
}
