// ISO weeks (Monday–Sunday, UTC) as "YYYY-Www". PLACEHOLDER on the `jobs` branch: the weekly report's
// branch owns this file and replaces it at merge; only what the scheduled report job needs is here.
import type { IsoWeek } from "./types";

const DAY = 86_400_000;

/** The ISO week of a moment (UTC): the week of its Thursday decides the year. */
function isoWeekOfMs(ms: number): IsoWeek {
  const day = Math.floor(ms / DAY);
  const weekday = (((day + 3) % 7) + 7) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  const thursday = new Date((day - weekday + 3) * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The last ISO week that has ended by `now`: on any day of week N, week N − 1. */
export function lastCompleteWeek(now: Date): IsoWeek {
  return isoWeekOfMs(now.getTime() - 7 * DAY);
}
