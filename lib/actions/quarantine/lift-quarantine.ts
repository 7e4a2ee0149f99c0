"use server";
// Lifts a quarantine from the anti-pattern registry page. Until sign-in lands, the person names
// themselves in the form; the name and the reason are recorded in the audit log either way.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "../../db/client";
import { LiftError, liftQuarantine } from "../../quarantine/lift-quarantine";

const liftSchema = z.object({
  by: z.string().trim().min(1, { error: "say who you are" }).max(200),
  reason: z.string().trim().min(3, { error: "give a reason (at least 3 characters)" }).max(1000),
});

export interface LiftState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Partial<Record<"by" | "reason", string[]>>;
}

export async function liftQuarantineAction(patternId: string, _prev: LiftState, form: FormData): Promise<LiftState> {
  const parsed = liftSchema.safeParse({ by: form.get("by"), reason: form.get("reason") });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    await liftQuarantine(getDb(), patternId, { actor: parsed.data.by, reason: parsed.data.reason });
  } catch (error) {
    if (error instanceof LiftError) return { message: `Already handled: ${error.message}` };
    throw error;
  }
  revalidatePath("/anti-patterns");
  revalidatePath("/patterns");
  revalidatePath("/");
  return { ok: true, message: "Quarantine lifted." };
}
