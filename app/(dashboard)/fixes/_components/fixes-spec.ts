// What the fixes listing may be sorted and filtered by.
import type { TableSpec } from "@/components/table/url-state";

export const FIXES_SPEC = {
  sortable: ["successes", "attempts", "lastSeen"],
  defaultSort: { id: "successes", desc: true },
  filters: {
    state: { kind: "enum", label: "state", values: ["learning", "self-healing", "auto-apply"] },
  },
  search: { label: "Error or fix contains", maxLength: 200 },
  pageSizes: [50, 100, 200],
} as const satisfies TableSpec;
