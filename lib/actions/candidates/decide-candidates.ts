"use server";
// Bulk approve or reject of the candidates checked in the review queue (the `ids` checkboxes): reviewers
// and admins. Each row is decided on its own; the answer lists what happened to each.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { decideCandidates, type BulkResult } from "../../mutations/decide-candidates";
import { requireActionUser } from "../../auth/session";
import { getDb } from "../../db/client";
import { decideCandidatesSchema } from "../../schemas/decide-candidate";
import { InputError } from "../../schemas/parse-input";
import { formDataOf, textFields } from "../form-call";
import { unavailableOrThrow } from "../../db/unavailable";

export interface BulkDecisionState {
  decision?: "approve" | "reject";
  results?: BulkResult[];
  message?: string;
  fieldErrors?: Partial<Record<"ids" | "reason" | "decision", string[]>>;
}

export async function decideCandidatesAction(previous: BulkDecisionState, form: FormData): Promise<BulkDecisionState> {
  const data = formDataOf(previous, form);
  const fields = textFields(data, ["decision", "reason"]);
  const ids = data.getAll("ids").filter((v): v is string => typeof v === "string");
  const user = await requireActionUser("reviewer");
  const parsed = decideCandidatesSchema.safeParse({ ...fields, ids });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors as BulkDecisionState["fieldErrors"] };
  try {
    const results = await decideCandidates(getDb(), parsed.data, user.email);
    revalidatePath("/candidates");
    revalidatePath("/patterns");
    revalidatePath("/");
    return { decision: parsed.data.decision, results };
  } catch (error) {
    if (error instanceof InputError) return { message: error.message };
    return { message: unavailableOrThrow(error) };
  }
}
