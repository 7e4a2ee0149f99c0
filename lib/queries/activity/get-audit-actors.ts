// Who appears in the audit log, for the Activity page's actor filter: people, tokens and "system".
import type { DbHandle } from "../../db/client";

export async function getAuditActors(db: DbHandle, limit = 200): Promise<string[]> {
  const rows = await db.prisma.auditEvent.groupBy({ by: ["actor"], orderBy: { actor: "asc" }, take: limit });
  return rows.map((r) => r.actor);
}
