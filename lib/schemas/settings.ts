// Admin-editable settings (DESIGN.md "Default settings"): one zod schema for the settings page, the
// API, the analysis run and the scheduled jobs. Stored one row per key in `settings`, as JSON; absent keys
// take the default.
import { z } from "zod";
import type { DbHandle } from "../db/client";
import { DEFAULT_SETTINGS, type DetectorSettings } from "../detectors/types";
import { cronExpressionSchema } from "./cron";

const rate = z.number().min(0).max(1);

export const settingsSchema = z.strictObject({
  autoApproveConfidence: rate,
  autoQuarantineFailureRate: rate,
  minSimilarExecutions: z.number().int().min(2).max(1000),
  minSuccessfulFixes: z.number().int().min(1).max(1000),
  autoApplySuccessRate: rate,
  aggressiveMode: z.boolean(),
  retentionDays: z.number().int().min(1).max(3650),
  /** when the scheduled jobs come due (cron, UTC; lib/jobs) */
  analyzeSchedule: cronExpressionSchema,
  reportSchedule: cronExpressionSchema,
  cleanupSchedule: cronExpressionSchema,
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULTS: Settings = {
  ...DEFAULT_SETTINGS,
  retentionDays: 90,
  analyzeSchedule: "0 */6 * * *", // every 6 hours
  reportSchedule: "30 0 * * 1", // Monday 00:30, for the ISO week that just ended
  cleanupSchedule: "0 3 1 * *", // the 1st of each month, 03:00
};

export async function getSettings(db: DbHandle): Promise<Settings> {
  const rows = await db.prisma.setting.findMany();
  const stored: Record<string, unknown> = {};
  for (const row of rows) {
    try {
      stored[row.key] = JSON.parse(row.value);
    } catch {
      /* an unreadable value falls back to its default */
    }
  }
  const merged = { ...DEFAULTS, ...Object.fromEntries(Object.entries(stored).filter(([k]) => k in DEFAULTS)) };
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULTS;
}

export function detectorSettings(s: Settings): DetectorSettings {
  const { autoApproveConfidence, autoQuarantineFailureRate, minSimilarExecutions, minSuccessfulFixes, autoApplySuccessRate, aggressiveMode } = s;
  return { autoApproveConfidence, autoQuarantineFailureRate, minSimilarExecutions, minSuccessfulFixes, autoApplySuccessRate, aggressiveMode };
}

export const SETTING_KEYS = Object.keys(DEFAULTS) as Array<keyof Settings>;

/** One change as a form or the CLI sends it: the value as text (parsed by its type), and why. */
export const settingChangeSchema = z.strictObject({
  key: z.string().max(64).refine((k) => k in DEFAULTS, { message: `unknown setting (known: ${Object.keys(DEFAULTS).join(", ")})` }),
  value: z.string().max(200, "at most 200 characters"),
  reason: z.string().trim().max(500, "at most 500 characters").optional(),
});
