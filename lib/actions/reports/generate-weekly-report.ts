"use server";
// Generates or regenerates one week's report from the report page's admin form: a plain form post that
// works without JavaScript; every field is checked here, and the result comes back in the page's URL.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireActionUser } from "../../auth/session";
import { getDb } from "../../db/client";
import { generateWeeklyReport, ReportError } from "../../reports/generate-weekly-report";
import { reportSourceSchema, reportWeekSchema } from "../../schemas/weekly-report";
import { plainFormData, textFields } from "../form-call";
import { errorHref } from "../notice";
import { unavailableOrThrow } from "../../db/unavailable";

const formSchema = z.object({
  week: reportWeekSchema,
  source: reportSourceSchema,
  regenerate: z.enum(["0", "1"]),
});

function reportUrl(week: string, source: string | null, params: Record<string, string>): string {
  const query = new URLSearchParams({ ...(source ? { source } : {}), ...params });
  return `/reports/${encodeURIComponent(week)}?${query}`;
}

export async function generateWeeklyReportAction(form: FormData): Promise<void> {
  const fields = textFields(plainFormData(form), ["week", "source", "regenerate"]);
  // generating, and above all regenerating a stored week, is an admin's explicit act
  const admin = await requireActionUser("admin");
  const raw = { week: fields.week ?? "", source: fields.source ?? "", regenerate: fields.regenerate ?? "0" };
  const parsed = formSchema.safeParse(raw);
  const fallbackWeek = typeof raw.week === "string" && /^\d{4}-W\d{2}$/.test(raw.week) ? raw.week : "";
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    redirect(fallbackWeek ? reportUrl(fallbackWeek, null, { error: message }) : errorHref("/reports", message));
  }
  const { week, source, regenerate } = parsed.data;
  let outcome: string;
  try {
    const result = await generateWeeklyReport(getDb(), { week, source: source ?? undefined, regenerate: regenerate === "1", actor: admin.email });
    outcome = result.stored ? (regenerate === "1" ? "regenerated" : "generated") : result.notStoredBecause ? "not-stored" : "kept";
  } catch (error) {
    redirect(reportUrl(week, source, { error: error instanceof ReportError ? error.message : unavailableOrThrow(error) }));
  }
  revalidatePath("/reports");
  redirect(reportUrl(week, source, { status: outcome }));
}
