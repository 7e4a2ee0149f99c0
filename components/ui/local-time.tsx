"use client";
// A moment shown in the viewer's own time zone, with UTC on hover. The server (and a browser without
// JavaScript) shows UTC; once the page runs, the viewer's zone replaces it without a hydration mismatch.
import { useSyncExternalStore } from "react";
import { formatDateTime } from "./format";

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const serverZone = () => null;

export function formatInZone(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}:${get("second")} ${get("timeZoneName")}`;
}

export function LocalTime({ at }: { at: Date | string }) {
  const date = typeof at === "string" ? new Date(at) : at;
  const zone = useSyncExternalStore(noSubscription, browserZone, serverZone);
  const utc = formatDateTime(date);
  return (
    <time dateTime={date.toISOString()} title={utc}>
      {zone ? formatInZone(date, zone) : utc}
    </time>
  );
}
