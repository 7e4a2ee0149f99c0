// A person restores an archived pattern: it is active again, and the restore counts as a use, so the
// next cleanup gives it a whole retention period before archiving it again. Shared by the Patterns page
// and `patterns unarchive`; guarded by the current state, audited in the same transaction.
import { audit } from "../audit/audit";
import type { DbHandle } from "../db/client";
import { unarchivePatternSchema, type UnarchivePatternInput } from "../schemas/unarchive-pattern";

export class UnarchiveError extends Error {
  override name = "UnarchiveError";
}

export async function unarchivePattern(db: DbHandle, input: UnarchivePatternInput, actor: string, now = new Date()): Promise<void> {
  const parsed = unarchivePatternSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UnarchiveError(`${issue.path.join(".") || "input"}: ${issue.message}`);
  }
  const { patternId, reason } = parsed.data;
  await db.prisma.$transaction(async (tx) => {
    // a pattern the registry holds quarantined comes back quarantined: restoring is no way round a quarantine
    const registry = await tx.antiPattern.findUnique({ where: { key: `pattern:${patternId}` }, select: { status: true } });
    const status = registry?.status === "quarantined" ? "quarantined" : "active";
    const restored = await tx.pattern.updateMany({ where: { id: patternId, status: "archived" }, data: { status, archivedAt: null, updatedAt: now } });
    if (restored.count === 0) {
      const exists = await tx.pattern.findUnique({ where: { id: patternId }, select: { status: true } });
      throw new UnarchiveError(exists ? `pattern "${patternId}" is ${exists.status}, not archived (already restored?)` : `no pattern "${patternId}"`);
    }
    await audit(tx, { at: now, actor, action: "pattern.unarchive", target: { type: "pattern", id: patternId }, reason });
  });
}

