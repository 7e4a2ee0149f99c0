// What asking for a weekly report takes, from the CLI, the page's form and the jobs: a real ISO week
// (optional: the last complete one), an optional source, who asks, and whether to regenerate.
import { z } from "zod";
import { IsoWeekError, parseIsoWeek } from "../reports/iso-week";

export const reportWeekSchema = z
  .string()
  .trim()
  .max(10, "an ISO week is YYYY-Www, e.g. 2026-W48")
  .superRefine((week, ctx) => {
    try {
      parseIsoWeek(week);
    } catch (error) {
      if (!(error instanceof IsoWeekError)) throw error;
      ctx.addIssue({ code: "custom", message: error.message });
    }
  });

/** "" and absent mean every source. */
export const reportSourceSchema = z
  .string()
  .trim()
  .max(200, "a source is at most 200 characters")
  .transform((s) => (s === "" ? null : s));

export const generateReportSchema = z.strictObject({
  /** absent or null: the last complete week */
  week: reportWeekSchema.nullish(),
  /** absent, null or "": every source */
  source: reportSourceSchema.nullish(),
  regenerate: z.boolean().optional(),
  actor: z.string().trim().min(1).max(200).optional(),
});

export type GenerateReportInput = z.input<typeof generateReportSchema>;

/** zod issues as "field: message" lines, for the one-line CLI error and the form's messages. */
export function reportInputError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
}
