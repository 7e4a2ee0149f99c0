"use server";
// Approve or reject a candidate from the review page. Until sign-in lands the reviewer names themselves.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { approveCandidate, DecisionError, rejectCandidate } from "../../candidates/decide-candidate";
import { getDb } from "../../db/client";
import { decideCandidateSchema } from "../../schemas/decide-candidate";
import { formDataOf, textFields } from "../form-call";
import { noticeHref } from "../notice";

export interface DecisionState {
  message?: string;
  fieldErrors?: Partial<Record<"candidateId" | "by" | "reason" | "decision", string[]>>;
}

export async function decideCandidateAction(previous: DecisionState, form: FormData): Promise<DecisionState> {
  const fields = textFields(formDataOf(previous, form), ["candidateId", "by", "reason", "decision"]);
  const parsed = decideCandidateSchema.safeParse(fields);
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const { candidateId, by, reason, decision } = parsed.data;
  try {
    if (decision === "approve") await approveCandidate(getDb(), candidateId, { actor: by, reason });
    else await rejectCandidate(getDb(), candidateId, { actor: by, reason });
  } catch (error) {
    if (error instanceof DecisionError) return { message: error.message };
    throw error;
  }
  revalidatePath("/candidates");
  revalidatePath("/patterns");
  revalidatePath("/");
  redirect(noticeHref("/candidates", decision === "approve" ? "approved" : "rejected", candidateId));
}
