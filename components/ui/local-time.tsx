"use client";
// A time in the viewer's own time zone, with UTC on hover. The server (and the first render in the
// browser) shows UTC, so the two agree; once running in the browser it switches to local time.
import { useSyncExternalStore } from "react";
import { formatDateTime } from "./format";

const subscribe = () => () => {};
const local = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });

export function LocalTime({ iso }: { iso: string }) {
  const inBrowser = useSyncExternalStore(subscribe, () => true, () => false);
  const date = new Date(iso);
  const utc = formatDateTime(date);
  return (
    <time dateTime={iso} title={utc}>
      {inBrowser ? local.format(date) : utc}
    </time>
  );
}
