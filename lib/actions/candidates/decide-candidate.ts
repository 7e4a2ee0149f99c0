"use server";
// Approve (optionally renamed or with an edited spec) or reject one candidate from its review page:
// reviewers and admins, recorded as the signed-in person. After the decision the review moves on to the
// next pending candidate in the queue, saying what was just decided.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { decideCandidate, DecisionError } from "../../mutations/decide-candidate";
import { requireActionUser } from "../../auth/session";
import { getDb } from "../../db/client";
import { getQueueNeighbours } from "../../queries/candidates/get-queue-neighbours";
import { decideCandidateSchema } from "../../schemas/decide-candidate";
import { InputError } from "../../schemas/parse-input";
import { formDataOf, textFields } from "../form-call";
import { noticeHref } from "../notice";
import { unavailableOrThrow } from "../../db/unavailable";

type Field = "candidateId" | "reason" | "decision" | "name" | "spec";

export interface DecisionState {
  message?: string;
  fieldErrors?: Partial<Record<Field, string[]>>;
  /** what was typed, shown again beside the error (the form resets after an action) */
  values?: Partial<Record<"reason" | "name" | "spec", string>>;
}

export async function decideCandidateAction(previous: DecisionState, form: FormData): Promise<DecisionState> {
  const fields = textFields(formDataOf(previous, form), ["candidateId", "reason", "decision", "name", "spec"]);
  const user = await requireActionUser("reviewer");
  const values = { reason: fields.reason?.slice(0, 1000), name: fields.name?.slice(0, 200), spec: fields.spec?.slice(0, 64_000) };
  const parsed = decideCandidateSchema.safeParse(fields);
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const { candidateId, decision } = parsed.data;
  const db = getDb();
  const at = await db.prisma.patternCandidate.findUnique({ where: { id: candidateId }, select: { confidence: true } });
  let specKept = false;
  try {
    specKept = (await decideCandidate(db, parsed.data, user.email)).specKept === true;
  } catch (error) {
    if (error instanceof InputError) return { message: error.message, fieldErrors: error.fieldErrors as DecisionState["fieldErrors"], values };
    if (error instanceof DecisionError) return { message: error.message, values };
    return { message: unavailableOrThrow(error), values };
  }
  revalidatePath("/candidates");
  revalidatePath("/patterns");
  revalidatePath("/");
  const queue = at ? await getQueueNeighbours(db, { id: candidateId, confidence: at.confidence }) : null;
  const nextId = queue?.next ?? queue?.first ?? null;
  const kind = decision === "reject" ? "rejected" : specKept ? "approved-spec-kept" : "approved";
  redirect(noticeHref(nextId ? `/candidates/${encodeURIComponent(nextId)}` : "/candidates", kind, candidateId));
}
