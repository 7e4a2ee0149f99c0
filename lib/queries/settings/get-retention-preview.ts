// For a retention change's preview: how many stored executions are older than a number of days, i.e. what
// the next cleanup would fold into daily metrics and delete. One count through the index on startedAt.
import type { DbHandle } from "../../db/client";

export async function countExecutionsOlderThan(db: DbHandle, days: number, now: Date): Promise<number> {
  return db.prisma.execution.count({ where: { startedAt: { lt: new Date(now.getTime() - days * 86_400_000) } } });
}
