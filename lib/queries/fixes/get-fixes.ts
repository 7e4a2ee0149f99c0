// Every learned fix (AUTO-003) with its record, for the fixes page: best-supported first.
import type { DbHandle } from "../../db/client";
import { wilsonInterval } from "../../detectors/stats";

export interface FixItem {
  id: string;
  signature: string;
  fix: string;
  attempts: number;
  successes: number;
  successRate: number;
  interval: { low: number; high: number };
  autoApply: boolean;
  selfHeal: boolean;
}

export async function getFixes(db: DbHandle): Promise<FixItem[]> {
  const rows = await db.prisma.errorPattern.findMany({ orderBy: [{ successes: "desc" }, { id: "asc" }], take: 500 });
  return rows.map((r) => ({
    id: r.id, signature: r.signature, fix: r.fix, attempts: r.attempts, successes: r.successes,
    successRate: r.attempts ? r.successes / r.attempts : 0, interval: wilsonInterval(r.successes, r.attempts),
    autoApply: r.autoApply, selfHeal: r.patternId !== null,
  }));
}
