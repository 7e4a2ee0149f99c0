// A wide table scrolls sideways inside its panel instead of widening the page (390 px screens). The
// scrolling region is focusable and named, so keyboard users can scroll it too (axe: scrollable-region-focusable).
import type { ReactNode } from "react";

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
