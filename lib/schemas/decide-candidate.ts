// Deciding candidates: which, which way and why; an approval may rename the pattern or edit its spec (YAML,
// checked against the pattern-spec schema before anything is saved). Who decides is the signed-in reviewer.
import { z } from "zod";

export const candidateIdSchema = z
  .string({ error: "which candidate: the form lost its candidate id" })
  .trim()
  .min(1, { error: "which candidate: the form lost its candidate id" })
  .max(128, { error: "a candidate id has at most 128 characters" });

const reasonSchema = z.string().trim().max(1000, { error: "a reason has at most 1000 characters" });
const decisionSchema = z.enum(["approve", "reject"], { error: "choose Approve or Reject" });

/** An empty optional field (a form posts "") means "not given". */
const optionalText = (max: number, what: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max, { error: `${what} has at most ${max} characters` }).optional());

export const decideCandidateSchema = z
  .object({
    candidateId: candidateIdSchema,
    decision: decisionSchema,
    reason: reasonSchema.optional().default(""),
    /** approve only (a rejection ignores it): the pattern's name instead of the proposed one */
    name: optionalText(200, "a name"),
    /** approve only: the whole spec as YAML instead of the proposed one */
    spec: optionalText(64_000, "a spec"),
  })
  .superRefine((input, ctx) => {
    if (input.decision === "reject" && input.reason.length < 3) ctx.addIssue({ code: "custom", path: ["reason"], message: "say why it is rejected (at least 3 characters)" });
  });

export type DecideCandidateInput = z.input<typeof decideCandidateSchema>;

export const decideCandidatesSchema = z
  .object({
    ids: z.array(candidateIdSchema, { error: "choose at least one candidate" }).min(1, { error: "choose at least one candidate" }).max(200, { error: "at most 200 candidates at a time" }),
    decision: decisionSchema,
    reason: reasonSchema.optional().default(""),
  })
  .superRefine((input, ctx) => {
    if (input.decision === "reject" && input.reason.length < 3) ctx.addIssue({ code: "custom", path: ["reason"], message: "say why they are rejected (at least 3 characters)" });
  });

export type DecideCandidatesInput = z.input<typeof decideCandidatesSchema>;

export const revertAutoApprovalSchema = z.object({
  candidateId: candidateIdSchema,
  reason: reasonSchema.min(3, { error: "say why the auto-approval is reverted (at least 3 characters)" }),
});

export type RevertAutoApprovalInput = z.input<typeof revertAutoApprovalSchema>;
