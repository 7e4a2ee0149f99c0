// What the latency benchmarks share: a fresh migrated database per dialect, and percentiles.
import { openDb, type DbHandle } from "../../lib/db/client";
import { migrate } from "../../lib/db/migrate";
import { tempPostgres, tempSqlite, type TempDatabase } from "../../lib/db/testing";

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function freshBenchDb(dialect: "sqlite" | "postgresql"): Promise<{ temp: TempDatabase; db: DbHandle }> {
  const temp = dialect === "sqlite" ? tempSqlite() : await tempPostgres("pa_bench");
  await migrate(temp.config);
  return { temp, db: openDb(temp.config) };
}
