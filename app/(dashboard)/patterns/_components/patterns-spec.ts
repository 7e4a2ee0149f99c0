// What the patterns listing may be sorted and filtered by (read from the URL, checked, linked back). The
// period of its numbers (`days`) is a filter too, so sorting and paging keep it; the picker links set it.
import type { TableSpec } from "@/components/table/url-state";
import { DEFAULT_PERIOD, PERIOD_DAYS } from "@/lib/queries/period";

export const PATTERN_STATUSES = ["active", "quarantined", "draft", "archived"] as const;

export const PATTERNS_SPEC = {
  sortable: ["pattern", "kind", "status"],
  defaultSort: { id: "pattern", desc: false },
  filters: {
    status: { kind: "enum", label: "status", values: PATTERN_STATUSES },
    days: {
      kind: "enum",
      label: "period",
      values: PERIOD_DAYS.map(String),
      valueLabels: Object.fromEntries(PERIOD_DAYS.map((d) => [String(d), `${d} days`])),
      defaultValue: String(DEFAULT_PERIOD),
    },
  },
  search: { label: "Pattern id or name", maxLength: 200 },
  pageSizes: [100, 200],
} as const satisfies TableSpec;
