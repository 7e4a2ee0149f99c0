// A reviewer archives a pattern nobody should use any more: out of suggestions and the active lists, kept
// with its history, and restored by unarchivePattern. A quarantined pattern is lifted first, so an archive
// and restore never becomes a way round a quarantine. Shared by the pattern page and `patterns archive`.
import { audit } from "../audit/audit";
import type { DbHandle } from "../db/client";
import { parseInput } from "../schemas/parse-input";
import { archivePatternSchema, type ArchivePatternInput } from "../schemas/pattern-decisions";

export class ArchiveError extends Error {
  override name = "ArchiveError";
}

export async function archivePattern(db: DbHandle, input: ArchivePatternInput, actor: string, now = new Date()): Promise<void> {
  const { patternId, reason } = parseInput(archivePatternSchema, input);
  await db.prisma.$transaction(async (tx) => {
    const before = await tx.pattern.findUnique({ where: { id: patternId }, select: { status: true } });
    const done = await tx.pattern.updateMany({ where: { id: patternId, status: { in: ["active", "draft"] } }, data: { status: "archived", archivedAt: now, updatedAt: now } });
    if (done.count === 0) {
      if (!before) throw new ArchiveError(`no pattern "${patternId}"`);
      throw new ArchiveError(
        before.status === "quarantined" ? `pattern "${patternId}" is quarantined: lift the quarantine before archiving it` : `pattern "${patternId}" is ${before.status} (already archived?)`,
      );
    }
    await audit(tx, { at: now, actor, action: "pattern.archive", target: { type: "pattern", id: patternId }, reason, before: { status: before!.status }, after: { status: "archived" } });
  });
}
