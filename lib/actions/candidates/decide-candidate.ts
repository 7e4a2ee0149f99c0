"use server";
// Approve or reject a candidate from the review page: reviewers and admins, recorded as the signed-in person.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { approveCandidate, DecisionError, rejectCandidate } from "../../mutations/decide-candidate";
import { requireActionUser } from "../../auth/session";
import { getDb } from "../../db/client";
import { decideCandidateSchema } from "../../schemas/decide-candidate";
import { formDataOf, textFields } from "../form-call";
import { noticeHref } from "../notice";

export interface DecisionState {
  message?: string;
  fieldErrors?: Partial<Record<"candidateId" | "reason" | "decision", string[]>>;
}

export async function decideCandidateAction(previous: DecisionState, form: FormData): Promise<DecisionState> {
  const fields = textFields(formDataOf(previous, form), ["candidateId", "reason", "decision"]);
  const user = await requireActionUser("reviewer");
  const parsed = decideCandidateSchema.safeParse(fields);
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const { candidateId, reason, decision } = parsed.data;
  try {
    if (decision === "approve") await approveCandidate(getDb(), candidateId, { actor: user.email, reason });
    else await rejectCandidate(getDb(), candidateId, { actor: user.email, reason });
  } catch (error) {
    if (error instanceof DecisionError) return { message: error.message };
    throw error;
  }
  revalidatePath("/candidates");
  revalidatePath("/patterns");
  revalidatePath("/");
  redirect(noticeHref("/candidates", decision === "approve" ? "approved" : "rejected", candidateId));
}
