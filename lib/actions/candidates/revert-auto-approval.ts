"use server";
// A reviewer reverts an auto-approval from the candidate's page: the candidate is pending again and the
// pattern it made archived (unless edited since). Recorded as the signed-in person.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { DecisionError } from "../../mutations/decide-candidate";
import { revertAutoApproval } from "../../mutations/revert-auto-approval";
import { requireActionUser } from "../../auth/session";
import { getDb } from "../../db/client";
import { revertAutoApprovalSchema } from "../../schemas/decide-candidate";
import { formDataOf, textFields } from "../form-call";
import { noticeHref } from "../notice";
import { unavailableOrThrow } from "../../db/unavailable";

export interface RevertState {
  message?: string;
  fieldErrors?: Partial<Record<"candidateId" | "reason", string[]>>;
}

export async function revertAutoApprovalAction(previous: RevertState, form: FormData): Promise<RevertState> {
  const fields = textFields(formDataOf(previous, form), ["candidateId", "reason"]);
  const user = await requireActionUser("reviewer");
  const parsed = revertAutoApprovalSchema.safeParse(fields);
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    await revertAutoApproval(getDb(), parsed.data, user.email);
  } catch (error) {
    if (error instanceof DecisionError) return { message: error.message };
    return { message: unavailableOrThrow(error) };
  }
  revalidatePath("/candidates");
  revalidatePath("/patterns");
  revalidatePath("/");
  redirect(noticeHref(`/candidates/${encodeURIComponent(parsed.data.candidateId)}`, "reverted", parsed.data.candidateId));
}
