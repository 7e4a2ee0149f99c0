// Active patterns nobody used for the whole retention period are archived: out of suggestions and the
// active lists, kept with their history, and restored by unarchivePattern. "Used" means a run named it
// (daily metrics, which outlive cleanup), a self-heal fix was tried (error_patterns.lastSeenAt), it was
// created, or a person restored it from the archive, within the period.
import { auditMany } from "../audit/audit";
import type { DbHandle } from "../db/client";

export interface ArchivedPattern {
  id: string;
  name: string;
}

export interface ArchiveOptions {
  /** epoch ms: no use at or after this moment means unused */
  cutoff: number;
  retentionDays: number;
  now: Date;
  actor: string;
}

export async function archiveUnused(db: DbHandle, opts: ArchiveOptions): Promise<ArchivedPattern[]> {
  const cutoff = new Date(opts.cutoff);
  const cutoffDay = cutoff.toISOString().slice(0, 10);
  const reason = `unused for ${opts.retentionDays} days (no run since ${cutoffDay})`;
  return db.prisma.$transaction(async (tx) => {
    // One guarded statement: a pattern used or restored meanwhile no longer matches, and a pattern
    // archived by a concurrent cleanup is not active any more, so nothing is archived or audited twice.
    const archived = await tx.$queryRaw<ArchivedPattern[]>`
      UPDATE "patterns" SET "status" = 'archived', "archivedAt" = ${opts.now}, "updatedAt" = ${opts.now}
      WHERE "status" = 'active' AND "createdAt" < ${cutoff}
        AND NOT EXISTS (SELECT 1 FROM "pattern_metrics_daily" m WHERE m."patternId" = "patterns"."id" AND m."day" >= ${cutoffDay})
        AND NOT EXISTS (SELECT 1 FROM "error_patterns" e WHERE e."patternId" = "patterns"."id" AND e."lastSeenAt" >= ${cutoff})
        AND NOT EXISTS (SELECT 1 FROM "audit_events" a WHERE a."targetType" = 'pattern' AND a."targetId" = "patterns"."id"
                        AND a."action" = 'pattern.unarchive' AND a."at" >= ${cutoff})
      RETURNING "id", "name"`;
    archived.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const details = { retentionDays: opts.retentionDays, unusedSince: cutoffDay };
    for (let i = 0; i < archived.length; i += 500) {
      await auditMany(
        tx,
        archived.slice(i, i + 500).map((p) => ({ at: opts.now, actor: opts.actor, action: "pattern.archive", target: { type: "pattern", id: p.id }, reason, details })),
      );
    }
    return archived;
  });
}
