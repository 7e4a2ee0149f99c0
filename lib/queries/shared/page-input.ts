// What every paged listing query takes and returns: a bounded window (no query without a limit), one sort
// and its filters; the rows of that window and how many rows match in all.
export const MAX_PAGE_SIZE = 200;

export interface PageInput<TSort extends string> {
  limit: number;
  offset: number;
  sort: { id: TSort; desc: boolean };
}

export interface Page<TRow> {
  rows: TRow[];
  total: number;
  /** true when counting stopped at a cap (the listing then says "10,000+") */
  totalCapped?: boolean;
}

/** limit/offset clamped to what a page may ask for. */
export function window(input: { limit: number; offset: number }): { take: number; skip: number } {
  const take = Math.min(Math.max(1, Math.trunc(input.limit) || 1), MAX_PAGE_SIZE);
  const skip = Math.max(0, Math.trunc(input.offset) || 0);
  return { take, skip };
}
