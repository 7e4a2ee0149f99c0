// Many small reads at once where the database can serve them at once: PostgreSQL answers on several pooled
// connections, so per-pattern reads overlap their round trips; SQLite answers in-process, one at a time.
import type { DbHandle } from "../db/client";

/** How many reads of one step may be in flight. */
export function readConcurrency(db: DbHandle): number {
  return db.dialect === "postgresql" ? 8 : 1;
}

/** `fn` over every item, at most `limit` at a time; results in the items' order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

/** `items` in consecutive slices of at most `size`, for a statement each. */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
