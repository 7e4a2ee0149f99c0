// What the reports list may be sorted and filtered by (read from the URL, checked, linked back). The source
// filter is the same `source` parameter a report's own page keeps in its links.
import type { TableSpec } from "@/components/table/url-state";

export const REPORTS_SPEC = {
  sortable: ["week", "generatedAt"],
  defaultSort: { id: "week", desc: true },
  filters: { source: { kind: "text", label: "source", maxLength: 200 } },
  pageSizes: [26, 52, 104],
} as const satisfies TableSpec;
