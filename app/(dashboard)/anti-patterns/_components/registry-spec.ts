// What the anti-pattern registry may be sorted and filtered by (read from the URL, checked, linked back).
import type { TableSpec } from "@/components/table/url-state";
import { REGISTRY_KINDS, REGISTRY_STATUSES } from "@/lib/queries/anti-patterns/get-registry-page";

export const REGISTRY_SPEC = {
  sortable: ["status", "occurrences", "lastSeen"],
  defaultSort: { id: "status", desc: false },
  filters: {
    status: { kind: "enum", label: "status", values: REGISTRY_STATUSES },
    kind: { kind: "enum", label: "kind", values: REGISTRY_KINDS, valueLabels: { failing_pattern: "failing patterns", recurring_error: "recurring errors" } },
  },
  pageSizes: [50, 100, 200],
} as const satisfies TableSpec;
