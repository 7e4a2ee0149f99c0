// The Activity page's filters as they arrive in the URL: checked, so a wrong value is said to be wrong
// instead of silently showing everything. Days are UTC calendar days, both ends included.
import { z } from "zod";
import { AUDIT_ACTIONS } from "../audit/audit";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "use a date as YYYY-MM-DD")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "not a calendar date");

/** "" (an untouched field of the GET form) means no filter. */
const optional = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const ACTIVITY_PAGE_SIZE = 50;

export const activityFiltersSchema = z
  .object({
    actor: optional(z.string().trim().max(320, "at most 320 characters")),
    action: optional(z.enum(AUDIT_ACTIONS, { message: "not an action the log records" })),
    from: optional(day),
    to: optional(day),
    page: optional(z.coerce.number().int("a whole page number").min(1, "pages start at 1").max(100_000)),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "the range ends before it starts", path: ["to"] });

export type ActivityFilters = z.infer<typeof activityFiltersSchema>;
