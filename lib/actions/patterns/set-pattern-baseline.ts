"use server";
// Sets the duration a pattern's runs are measured against for time saved (AUTO-004), from its page:
// admins only; seconds in the form (empty: back to the median of the evidence runs). A plain form post.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireActionUser } from "../../auth/session";
import { getDb } from "../../db/client";
import { BaselineError, setPatternBaseline } from "../../mutations/set-pattern-baseline";
import { plainFormData, textFields } from "../form-call";
import { patternErrorHref, patternNoticeHref } from "./pattern-page-href";
import { unavailableOrThrow } from "../../db/unavailable";

const formSchema = z.object({
  patternId: z.string({ error: "which pattern: the form lost its pattern id" }).trim().min(1, { error: "which pattern: the form lost its pattern id" }).max(200),
  seconds: z
    .string()
    .trim()
    .max(20)
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const n = Number(v);
      if (!/^\d+(\.\d{1,3})?$/.test(v) || !Number.isFinite(n) || n > 7 * 86_400) {
        ctx.addIssue({ code: "custom", message: "seconds: a number of seconds from 0 to 604800 (7 days), or empty for the evidence's median" });
        return z.NEVER;
      }
      return Math.round(n * 1000);
    }),
});

export async function setPatternBaselineAction(form: FormData): Promise<void> {
  const fields = textFields(plainFormData(form), ["patternId", "seconds"]);
  const user = await requireActionUser("admin");
  const parsed = formSchema.safeParse(fields);
  let target: string;
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    target = patternErrorHref(fields.patternId, issue.message.startsWith("seconds:") ? issue.message : `${issue.path.join(".")}: ${issue.message}`);
  } else {
    try {
      await setPatternBaseline(getDb(), { patternId: parsed.data.patternId, durationMs: parsed.data.seconds, actor: user.email });
      revalidatePath("/", "layout");
      target = patternNoticeHref(parsed.data.patternId, "baseline-set");
    } catch (error) {
      target = patternErrorHref(parsed.data.patternId, error instanceof BaselineError ? error.message : unavailableOrThrow(error));
    }
  }
  redirect(target);
}
