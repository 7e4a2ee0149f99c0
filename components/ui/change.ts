// The change beside an overview figure, against the period before: counts as a percentage, rates in
// percentage points, durations in hours. Pure, so the words are tested; "no data before" rather than
// an infinite percentage when the earlier period was empty.
export type Trend = "up" | "down" | "flat";

export interface Change {
  text: string;
  trend: Trend;
}

const trendOf = (d: number): Trend => (d > 0 ? "up" : d < 0 ? "down" : "flat");
const signed = (n: string, d: number) => (d > 0 ? `+${n}` : d < 0 ? `−${n.replace(/^-/, "")}` : "±0");

export function countChange(current: number, previous: number): Change {
  if (previous === 0) return { text: current === 0 ? "none before either" : "none the period before", trend: current > 0 ? "up" : "flat" };
  const d = current - previous;
  const pct = Math.round((Math.abs(d) / previous) * 1000) / 10;
  return { text: `${signed(String(Math.abs(d)), d)} (${signed(`${pct}%`, d)})`, trend: trendOf(d) };
}

export function rateChange(current: number | null, previous: number | null): Change {
  if (current === null || previous === null) return { text: previous === null ? "no runs the period before" : "no runs in this period", trend: "flat" };
  const d = Math.round((current - previous) * 1000) / 10;
  return { text: `${signed(`${Math.abs(d)} pts`, d)}`, trend: trendOf(d) };
}

export function hoursChange(currentMs: number, previousMs: number): Change {
  const d = Math.round((currentMs - previousMs) / 360_000) / 10;
  return { text: `${signed(`${Math.abs(d)} h`, d)}`, trend: trendOf(d) };
}

export function formatHours(ms: number): string {
  const h = Math.round(ms / 360_000) / 10;
  return `${h < 0 ? "−" : ""}${Math.abs(h).toLocaleString("en-US")} h`;
}
