// The period a page's numbers cover: the last 7, 30 or 90 UTC days up to today, and the same number of
// days before it for the change shown beside each figure. Pure (today is passed in), chosen in the URL
// (`?days=`), and named in words next to every number so two pages never disagree without saying why.
export const PERIOD_DAYS = [7, 30, 90] as const;
export type PeriodDays = (typeof PERIOD_DAYS)[number];
export const DEFAULT_PERIOD: PeriodDays = 30;

export interface DayRange {
  /** first day, YYYY-MM-DD (UTC), inclusive */
  from: string;
  /** last day, inclusive */
  to: string;
}

export interface Period extends DayRange {
  days: PeriodDays;
  previous: DayRange;
  /** "last 30 days (Nov 2 – Dec 1, UTC)" */
  label: string;
}

const DAY = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function shiftDay(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

export function shortDay(day: string): string {
  const [, m, d] = day.split("-");
  return `${MONTHS[Number(m) - 1]} ${Number(d)}`;
}

/** `?days=` as one of the periods; anything else (absent, "bogus", 31) is the default. */
export function periodDays(value: unknown): PeriodDays {
  const n = typeof value === "string" && /^\d{1,3}$/.test(value) ? Number(value) : NaN;
  return (PERIOD_DAYS as readonly number[]).includes(n) ? (n as PeriodDays) : DEFAULT_PERIOD;
}

export function periodOf(days: PeriodDays, today: string): Period {
  const from = shiftDay(today, -(days - 1));
  const previous = { from: shiftDay(from, -days), to: shiftDay(from, -1) };
  return { days, from, to: today, previous, label: `last ${days} days (${shortDay(from)} – ${shortDay(today)}, UTC)` };
}

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
