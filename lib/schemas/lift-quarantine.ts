// Lifting a quarantine from the registry page. Until sign-in lands (issue 11) the person names themselves.
import { z } from "zod";

export const liftQuarantineSchema = z.object({
  patternId: z.string({ error: "which pattern: the form lost its pattern id" }).trim().min(1, { error: "which pattern: the form lost its pattern id" }).max(128),
  by: z.string({ error: "say who you are" }).trim().min(1, { error: "say who you are" }).max(200),
  reason: z.string({ error: "give a reason" }).trim().min(3, { error: "give a reason (at least 3 characters)" }).max(1000),
});

export type LiftQuarantineInput = z.infer<typeof liftQuarantineSchema>;
