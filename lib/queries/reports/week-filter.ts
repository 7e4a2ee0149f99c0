// What every weekly read shares: the week's bounds and the optional source, as bound parameters. The
// source clause is one of two fixed SQL texts; the value itself is always a parameter.

export interface WeekFilter {
  from: Date;
  to: Date;
  /** null = every source */
  source: string | null;
}

/** ` AND <column> = ?` when narrowed to a source, else nothing; push `sourceParams` after the others. */
export function sourceClause(filter: WeekFilter, column: string): string {
  return filter.source === null ? "" : ` AND ${column} = ?`;
}

export function sourceParams(filter: WeekFilter): string[] {
  return filter.source === null ? [] : [filter.source];
}

/** Drivers hand counts and sums back as numbers, bigints or numeric strings. */
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
