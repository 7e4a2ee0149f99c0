// Approving or rejecting a candidate: which one, which way and why. Who decides is the signed-in reviewer.
import { z } from "zod";

export const decideCandidateSchema = z.object({
  candidateId: z.string({ error: "which candidate: the form lost its candidate id" }).trim().min(1, { error: "which candidate: the form lost its candidate id" }).max(128),
  reason: z.string({ error: "give a reason" }).trim().min(1, { error: "give a reason" }).max(1000),
  decision: z.enum(["approve", "reject"], { error: "choose Approve or Reject" }),
});

export type DecideCandidateInput = z.infer<typeof decideCandidateSchema>;
