// What the review queue may be sorted and filtered by. Without a status in the URL it shows what is
// waiting for a decision (status=all shows every candidate).
import type { TableSpec } from "@/components/table/url-state";

export const STATUS_LABELS: Record<string, string> = { pending: "pending", approved: "approved", auto_approved: "auto-approved", rejected: "rejected", all: "any" };
export const KIND_LABELS: Record<string, string> = { execution: "repeated runs", file_template: "file template" };

export const CANDIDATES_SPEC = {
  sortable: ["confidence", "name", "evidence", "updated", "decided"],
  defaultSort: { id: "confidence", desc: true },
  filters: {
    status: { kind: "enum", label: "status", values: ["pending", "approved", "auto_approved", "rejected", "all"], valueLabels: STATUS_LABELS, defaultValue: "pending" },
    kind: { kind: "enum", label: "kind", values: ["execution", "file_template"], valueLabels: KIND_LABELS },
    min: { kind: "number", label: "confidence from", min: 0, max: 1, step: 0.05 },
    max: { kind: "number", label: "confidence to", min: 0, max: 1, step: 0.05 },
  },
  search: { label: "Name contains", maxLength: 200 },
  pageSizes: [50, 100, 200],
} as const satisfies TableSpec;
