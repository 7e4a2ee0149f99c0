// Restoring an archived pattern: the fields the Patterns page form and `patterns unarchive` send.
import { z } from "zod";

export const unarchivePatternSchema = z.object({
  patternId: z.string().trim().min(1, { error: "which pattern?" }).max(200, { error: "a pattern id is at most 200 characters" }),
  reason: z.string().trim().min(3, { error: "give a reason (at least 3 characters)" }).max(1000),
});

export type UnarchivePatternInput = z.infer<typeof unarchivePatternSchema>;
