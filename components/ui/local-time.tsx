"use client";
// A time in the viewer's own time zone, with UTC on hover. The server cannot know the zone, so the first
// render (and a page without JavaScript) shows UTC, and the browser swaps in local time once hydrated.
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};
const local = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });

function utc(iso: string): string {
  return `${iso.replace("T", " ").slice(0, 16)} UTC`;
}

export function LocalTime({ iso }: { iso: string | Date }) {
  const text = typeof iso === "string" ? iso : iso.toISOString();
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  return (
    <time dateTime={text} title={utc(text)}>
      {hydrated ? local.format(new Date(text)) : utc(text)}
    </time>
  );
}
