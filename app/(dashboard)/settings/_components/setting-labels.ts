// How each setting reads on the Settings page: its name for people and what it does.
import type { Settings } from "@/lib/schemas/settings";

export interface SettingLabel {
  label: string;
  help: string;
  group: "detectors" | "retention" | "schedules";
}

export const SETTING_LABELS: Record<keyof Settings, SettingLabel> = {
  autoApproveConfidence: { group: "detectors", label: "Auto-approve confidence", help: "AUTO-001: a candidate at or above this confidence is approved without review (aggressive mode). 0–1." },
  autoQuarantineFailureRate: { group: "detectors", label: "Auto-quarantine failure rate", help: "AUTO-005: a pattern failing at least this share of its recent runs is quarantined. 0–1." },
  minSimilarExecutions: { group: "detectors", label: "Min similar executions", help: "AUTO-001: how many similar ad-hoc runs make a pattern candidate. 2–1000." },
  minSuccessfulFixes: { group: "detectors", label: "Min successful fixes", help: "AUTO-003: how many successes make a fix a self-healing pattern. 1–1000." },
  autoApplySuccessRate: { group: "detectors", label: "Auto-apply success rate", help: "AUTO-003: a self-healing fix at or above this success rate is applied without asking. 0–1." },
  aggressiveMode: { group: "detectors", label: "Aggressive mode", help: "On: auto-approve and auto-quarantine act. Off: they only propose." },
  retentionDays: { group: "retention", label: "Execution log retention (days)", help: "Older executions are folded into daily metrics, then deleted by cleanup. 1–3650." },
  analyzeSchedule: { group: "schedules", label: "Analysis schedule", help: "Cron, UTC: when the analysis run comes due." },
  reportSchedule: { group: "schedules", label: "Weekly report schedule", help: "Cron, UTC: when the weekly report of the week just ended is made." },
  cleanupSchedule: { group: "schedules", label: "Cleanup schedule", help: "Cron, UTC: when retention and archiving run." },
};

export function showSetting(value: unknown): string {
  if (typeof value === "boolean") return value ? "on" : "off";
  return String(value);
}
