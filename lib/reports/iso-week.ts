// ISO weeks (Monday–Sunday, UTC) as "YYYY-Www": the report's unit. Parsing refuses anything that is not
// a real week of its year (2026-W54 does not exist), so a typo never silently becomes another week.

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const PATTERN = /^(\d{4})-W(\d{2})$/;

export class IsoWeekError extends Error {
  override name = "IsoWeekError";
}

/** Monday 00:00 UTC of ISO week 1 of `year` (the week holding January 4th). */
function week1Monday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - weekday * DAY;
}

/** How many ISO weeks `year` has (52 or 53). */
export function weeksInYear(year: number): number {
  return Math.round((week1Monday(year + 1) - week1Monday(year)) / WEEK);
}

/** "YYYY-Www" → its Monday and the next Monday (UTC); throws IsoWeekError saying what is wrong. */
export function parseIsoWeek(week: string): { from: Date; to: Date } {
  const m = PATTERN.exec(week.trim());
  if (!m) throw new IsoWeekError(`"${week}" is not an ISO week: write it as YYYY-Www, e.g. 2026-W48`);
  const year = Number(m[1]);
  const n = Number(m[2]);
  const max = weeksInYear(year);
  if (n < 1 || n > max) throw new IsoWeekError(`"${week}": ${year} has weeks W01 to W${String(max).padStart(2, "0")}`);
  const from = week1Monday(year) + (n - 1) * WEEK;
  return { from: new Date(from), to: new Date(from + WEEK) };
}

export function isIsoWeek(week: string): boolean {
  try {
    parseIsoWeek(week);
    return true;
  } catch {
    return false;
  }
}

/** The ISO week an instant falls in. */
export function isoWeekOf(at: Date): string {
  const day = Math.floor(at.getTime() / DAY) * DAY;
  const thursday = day + (3 - ((new Date(day).getUTCDay() + 6) % 7)) * DAY; // the week's Thursday decides its year
  const year = new Date(thursday).getUTCFullYear();
  const n = Math.floor((thursday - week1Monday(year)) / WEEK) + 1;
  return `${year}-W${String(n).padStart(2, "0")}`;
}

/** The week `n` weeks after (negative: before) `week`. */
export function shiftWeek(week: string, n: number): string {
  return isoWeekOf(new Date(parseIsoWeek(week).from.getTime() + n * WEEK));
}

/** The last week that has ended by `now`: the default of `patterns report` and of the weekly job. */
export function lastCompleteWeek(now: Date): string {
  return shiftWeek(isoWeekOf(now), -1);
}

/** The seven UTC days of a week, YYYY-MM-DD. */
export function daysOfWeek(week: string): string[] {
  const { from } = parseIsoWeek(week);
  return Array.from({ length: 7 }, (_, i) => new Date(from.getTime() + i * DAY).toISOString().slice(0, 10));
}
