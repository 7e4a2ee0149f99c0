// The overview's reads, shared by its cards and charts within one request (React's cache): the period's
// day totals are read once however many parts of the page show them.
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { getDailyTotals } from "@/lib/queries/overview/get-daily-totals";

export const periodDays = cache((from: string, to: string) => getDailyTotals(getDb(), { from, to }));
