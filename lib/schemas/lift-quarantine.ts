// Lifting a quarantine: which pattern and why. Who lifts it is the signed-in person (or the CLI's actor).
import { z } from "zod";

export const liftQuarantineSchema = z.object({
  patternId: z.string({ error: "which pattern: the form lost its pattern id" }).trim().min(1, { error: "which pattern: the form lost its pattern id" }).max(128),
  reason: z.string({ error: "give a reason" }).trim().min(3, { error: "give a reason (at least 3 characters)" }).max(1000),
});

export type LiftQuarantineInput = z.infer<typeof liftQuarantineSchema>;
