// The overview's reads, shared by its cards and charts within one request (React's cache). The period and
// the one before it are read together, in one pass over the daily metrics, and split here: the cards want
// both, the charts the current one, and every read on SQLite runs one after another on one connection.
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { getDailyTotals, type DayTotals } from "@/lib/queries/overview/get-daily-totals";

const bothPeriods = cache((previousFrom: string, to: string) => getDailyTotals(getDb(), { from: previousFrom, to }));

/** The day totals of [from, to], read with the period before (from `previousFrom`) in one pass. */
export async function periodDays(previousFrom: string, from: string, to: string): Promise<DayTotals[]> {
  return (await bothPeriods(previousFrom, to)).filter((d) => d.day >= from && d.day <= to);
}
