// What a reviewer sends to quarantine a pattern by hand, confirm a proposed quarantine or archive a
// pattern: which pattern, and why. The same rules for the dashboard's forms and the CLI.
import { z } from "zod";

const patternId = z
  .string({ error: "which pattern: the form lost its pattern id" })
  .trim()
  .min(1, { error: "which pattern: the form lost its pattern id" })
  .max(200, { error: "a pattern id is at most 200 characters" });
const reason = z.string({ error: "give a reason" }).trim().min(3, { error: "give a reason (at least 3 characters)" }).max(1000, { error: "a reason is at most 1000 characters" });

export const quarantinePatternSchema = z.object({ patternId, reason });
/** Fields as they arrive (a form's may be missing): the schema decides. */
export type QuarantinePatternInput = Partial<z.input<typeof quarantinePatternSchema>>;

export const archivePatternSchema = z.object({ patternId, reason });
export type ArchivePatternInput = Partial<z.input<typeof archivePatternSchema>>;

/** Confirming needs no new reason (the detector's evidence is the reason); a note is kept when given. */
export const confirmQuarantineSchema = z.object({
  patternId,
  reason: z.string().trim().max(1000, { error: "a note is at most 1000 characters" }).optional().transform((v) => (v ? v : undefined)),
});
export type ConfirmQuarantineInput = Partial<z.input<typeof confirmQuarantineSchema>>;
