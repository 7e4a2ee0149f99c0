// What the executions listing may be sorted and filtered by (read from the URL, checked, linked back).
import type { TableSpec } from "@/components/table/url-state";

export const EXECUTIONS_SPEC = {
  sortable: ["started", "operation"],
  defaultSort: { id: "started", desc: true },
  filters: {
    pattern: { kind: "text", label: "pattern", maxLength: 200 },
    result: { kind: "enum", label: "result", values: ["ok", "failed"] },
  },
  search: { label: "Execution id or operation", maxLength: 200 },
  pageSizes: [50, 100, 200],
} as const satisfies TableSpec;
