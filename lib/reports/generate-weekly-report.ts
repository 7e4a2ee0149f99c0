// PLACEHOLDER on the `jobs` branch: the weekly report (AUTO-004) is built on the `report` branch, which
// replaces this file at merge. Same signature, so the scheduled report job compiles against it.
import type { DbHandle } from "../db/client";
import type { IsoWeek, WeeklyReportData } from "./types";

export interface GenerateWeeklyReportOptions {
  week: IsoWeek;
  /** null = every source */
  source: string | null;
  /** false: a week already stored is left as it is */
  regenerate: boolean;
  actor: string;
  now: Date;
}

export async function generateWeeklyReport(_db: DbHandle, opts: GenerateWeeklyReportOptions): Promise<WeeklyReportData> {
  throw new Error(`the weekly report is not built yet (week ${opts.week})`);
}
