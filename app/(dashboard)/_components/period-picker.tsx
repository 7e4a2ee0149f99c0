// The period of a page's numbers, as plain links (`?days=7|30|90`): shareable, the back button works,
// and no JavaScript is needed. The current one is marked for screen readers and the eye.
import Link from "next/link";
import { PERIOD_DAYS, type Period } from "@/lib/queries/period";

export function PeriodPicker({ period, path, extra = {} }: { period: Period; path: string; extra?: Record<string, string> }) {
  return (
    <nav className="period-picker" aria-label="Period">
      {PERIOD_DAYS.map((days) => (
        <Link key={days} href={`${path}?${new URLSearchParams({ ...extra, days: String(days) })}`} aria-current={period.days === days ? "page" : undefined}>
          {days} days
        </Link>
      ))}
      <span className="muted">{period.label}</span>
    </nav>
  );
}
