// What the Activity listing may be sorted and filtered by, read from the URL and linked back by the one data
// table. Days are checked again by the activity schema (a calendar date, a range that does not end before it
// starts). Server-only (the action list lives beside the audit writer): the page hands it to the table.
import type { TableSpec } from "@/components/table/url-state";
import { AUDIT_ACTIONS } from "@/lib/audit/audit";

export const ACTIVITY_SPEC = {
  sortable: ["at"],
  defaultSort: { id: "at", desc: true },
  filters: {
    actor: { kind: "text", label: "actor", maxLength: 320 },
    action: { kind: "enum", label: "action", values: AUDIT_ACTIONS },
    from: { kind: "text", label: "from", maxLength: 10 },
    to: { kind: "text", label: "to", maxLength: 10 },
  },
  pageSizes: [50, 100, 200],
} as const satisfies TableSpec;
