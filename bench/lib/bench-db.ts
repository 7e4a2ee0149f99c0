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

/** One row of a latency table: p50, p95 and p99 of the timings (sorted), and whether p95 meets the target. */
export function latencyRow(dialect: string, path: string, sorted: number[], targetMs = 20): Record<string, string> {
  const p95 = percentile(sorted, 95);
  return {
    dialect, path, "p50 ms": percentile(sorted, 50).toFixed(2), "p95 ms": p95.toFixed(2), "p99 ms": percentile(sorted, 99).toFixed(2),
    target: p95 < targetMs ? `✓ < ${targetMs} ms` : `✗ ≥ ${targetMs} ms`,
  };
}
