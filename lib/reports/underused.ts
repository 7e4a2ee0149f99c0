// Patterns people approved and then did not use: active for more than two weeks with little or no use
// this week, and those unused so long that retention will archive them soon.
import type { UnderusedPattern } from "./types";

export interface UnderusedInput {
  id: string;
  name: string;
  kind: string;
  status: string;
  createdAt: Date;
  approvedAt: Date | null;
  lastUsedDay: string | null;
}

const DAY = 86_400_000;
/** at most this many runs in the week is "little use" */
export const LITTLE_USE = 2;
/** archived within this many days of the week's end: "near the retention limit" */
export const NEAR_RETENTION_DAYS = 14;
const LIMIT = 100;

export function underusedPatterns(
  patterns: readonly UnderusedInput[],
  usesThisWeek: ReadonlyMap<string, number>,
  opts: { weekEnd: Date; retentionDays: number },
): UnderusedPattern[] {
  const end = opts.weekEnd.getTime();
  const out: UnderusedPattern[] = [];
  for (const p of patterns) {
    if (p.status !== "active" || p.kind !== "execution") continue;
    const since = (p.approvedAt ?? p.createdAt).getTime();
    if (since > end - 14 * DAY) continue;
    const uses = usesThisWeek.get(p.id) ?? 0;
    const lastUsed = p.lastUsedDay ? Date.parse(`${p.lastUsedDay}T00:00:00Z`) : null;
    const archivesOn = (lastUsed ?? since) + opts.retentionDays * DAY;
    const base = { patternId: p.id, name: p.name, approvedAt: p.approvedAt?.toISOString() ?? null, uses, lastUsedAt: lastUsed === null ? null : new Date(lastUsed).toISOString() };
    if (uses === 0 && archivesOn <= end + NEAR_RETENTION_DAYS * DAY) out.push({ ...base, reason: "near-retention", archivesOn: new Date(archivesOn).toISOString() });
    else if (uses <= LITTLE_USE) out.push({ ...base, reason: "underused", archivesOn: null });
  }
  return out
    .sort((a, b) => (a.reason === b.reason ? 0 : a.reason === "near-retention" ? -1 : 1) || a.uses - b.uses || (a.patternId < b.patternId ? -1 : 1))
    .slice(0, LIMIT);
}
