"use client";
// A moment shown in the viewer's time zone, with UTC on hover. The server renders UTC (it cannot know the
// viewer's zone); in the browser the text is local time, so without JavaScript it still reads correctly,
// labelled UTC. useSyncExternalStore gives the server's text during hydration and the local one after.
import { useSyncExternalStore } from "react";

const utcText = (d: Date, dateOnly: boolean) => (dateOnly ? `${d.toISOString().slice(0, 10)} UTC` : `${d.toISOString().replace("T", " ").slice(0, 16)} UTC`);
const noSubscription = () => () => {};

export function LocalTime({ iso, dateOnly = false }: { iso: string; dateOnly?: boolean }) {
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  const date = new Date(iso);
  const options: Intl.DateTimeFormatOptions = dateOnly ? { dateStyle: "medium" } : { dateStyle: "medium", timeStyle: "short" };
  return (
    <time dateTime={iso} title={utcText(date, false)}>
      {inBrowser ? new Intl.DateTimeFormat(undefined, options).format(date) : utcText(date, dateOnly)}
    </time>
  );
}
