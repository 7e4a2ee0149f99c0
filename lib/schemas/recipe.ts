// Approving a recipe's command: which fix and the SHA-256 of the exact command text the reviewer read, so
// a command that changed between reading and approving is refused instead of approved unseen. The same
// rules for the Fixes page, the self-heal pattern page and `patterns recipes approve|revoke`.
import { createHash } from "node:crypto";
import { z } from "zod";

/** The hex SHA-256 of a command's UTF-8 text: how a reviewer names the exact text they approve. */
export function commandSha(command: string): string {
  return createHash("sha256").update(command, "utf8").digest("hex");
}

/** A learned fix's id (fix_…) or the id of the self-healing pattern made from it (heal-…). */
const recipeId = z
  .string({ error: "which recipe: the form lost its id" })
  .trim()
  .min(1, { error: "which recipe: the form lost its id" })
  .max(200, { error: "a recipe id is at most 200 characters" });

export const approveRecipeSchema = z.object({
  recipeId,
  commandSha: z
    .string({ error: "give the SHA-256 of the command you read (patterns recipes lists it)" })
    .trim()
    .toLowerCase()
    .regex(/^[0-9a-f]{64}$/, { error: "the full SHA-256 of the command: 64 hex characters (patterns recipes lists it)" }),
  note: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(1000, { error: "a note is at most 1000 characters" }).optional()),
});
/** Fields as they arrive (a form's may be missing): the schema decides. */
export type ApproveRecipeInput = Partial<z.input<typeof approveRecipeSchema>>;

export const revokeRecipeSchema = z.object({
  recipeId,
  reason: z.string({ error: "give a reason" }).trim().min(3, { error: "give a reason (at least 3 characters)" }).max(1000, { error: "a reason is at most 1000 characters" }),
});
export type RevokeRecipeInput = Partial<z.input<typeof revokeRecipeSchema>>;
