// Every learned fix (AUTO-003) with its record, for the fixes page: best-supported first.
import type { DbHandle } from "../../db/client";
import { toFixRecord, type FixRecord } from "./fix-record";

export interface FixItem extends FixRecord {
  id: string;
}

export async function getFixes(db: DbHandle): Promise<FixItem[]> {
  const rows = await db.prisma.errorPattern.findMany({ orderBy: [{ successes: "desc" }, { id: "asc" }], take: 500 });
  return rows.map((r) => ({ id: r.id, ...toFixRecord(r) }));
}
