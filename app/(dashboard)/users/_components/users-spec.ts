// What the Users listing may be sorted and filtered by (read from the URL, checked, linked back).
import type { TableSpec } from "@/components/table/url-state";
import { ROLES } from "@/lib/auth/roles";

export const USERS_SPEC = {
  sortable: ["email", "name", "role"],
  defaultSort: { id: "email", desc: false },
  filters: { role: { kind: "enum", label: "role", values: ROLES } },
  search: { label: "Email or name", maxLength: 320 },
  pageSizes: [50, 100, 200],
} as const satisfies TableSpec;
