// Approving or rejecting a candidate from the review page. Until sign-in lands (issue 11) the reviewer
// names themselves.
import { z } from "zod";

export const decideCandidateSchema = z.object({
  candidateId: z.string({ error: "which candidate: the form lost its candidate id" }).trim().min(1, { error: "which candidate: the form lost its candidate id" }).max(128),
  by: z.string({ error: "say who you are" }).trim().min(1, { error: "say who you are" }).max(200),
  reason: z.string({ error: "give a reason" }).trim().min(1, { error: "give a reason" }).max(1000),
  decision: z.enum(["approve", "reject"], { error: "choose Approve or Reject" }),
});

export type DecideCandidateInput = z.infer<typeof decideCandidateSchema>;
