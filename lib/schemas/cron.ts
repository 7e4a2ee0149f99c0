// Job schedules are cron expressions in settings: five fields (minute hour day-of-month month
// day-of-week), read in UTC. croner parses them, so what the settings accept is what the scheduler runs.
import { Cron } from "croner";
import { z } from "zod";

export const CRON_OPTIONS = { timezone: "UTC", mode: "5-part" } as const;

/** The parsed schedule, or the reason it is not one. */
export function parseCron(expression: string): { cron: Cron } | { error: string } {
  try {
    return { cron: new Cron(expression, CRON_OPTIONS) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export const cronExpressionSchema = z
  .string()
  .trim()
  .max(200)
  .superRefine((value, ctx) => {
    const parsed = parseCron(value);
    if ("error" in parsed) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not a cron schedule (minute hour day-of-month month day-of-week, UTC): ${parsed.error}` });
    } else if (!parsed.cron.nextRun(new Date())) {
      ctx.addIssue({ code: "custom", message: `"${value}" never comes due` });
    }
  });
