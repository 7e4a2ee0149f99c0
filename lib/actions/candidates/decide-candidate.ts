"use server";
// Approve or reject a candidate from the review page. Until sign-in lands the reviewer names themselves.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { approveCandidate, DecisionError, rejectCandidate } from "../../candidates/decide-candidate";
import { getDb } from "../../db/client";

const decisionSchema = z.object({
  by: z.string().trim().min(1, { error: "say who you are" }).max(200),
  reason: z.string().trim().min(1, { error: "give a reason" }).max(1000),
  decision: z.enum(["approve", "reject"]),
});

export interface DecisionState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Partial<Record<"by" | "reason" | "decision", string[]>>;
}

export async function decideCandidateAction(candidateId: string, _prev: DecisionState, form: FormData): Promise<DecisionState> {
  const parsed = decisionSchema.safeParse({ by: form.get("by"), reason: form.get("reason"), decision: form.get("decision") });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const { by, reason, decision } = parsed.data;
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
  return { ok: true, message: decision === "approve" ? "Approved." : "Rejected." };
}
