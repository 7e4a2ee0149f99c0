"use server";
// Generates or regenerates one week's report from the report page's admin form: a plain form post that
// works without JavaScript; every field is checked here, and the result comes back in the page's URL.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "../../db/client";
import { generateWeeklyReport, ReportError } from "../../reports/generate-weekly-report";
import { reportSourceSchema, reportWeekSchema } from "../../schemas/weekly-report";

const formSchema = z.object({
  week: reportWeekSchema,
  source: reportSourceSchema,
  by: z.string().trim().min(1, { error: "say who you are" }).max(200),
  regenerate: z.enum(["0", "1"]),
});

function reportUrl(week: string, source: string | null, params: Record<string, string>): string {
  const query = new URLSearchParams({ ...(source ? { source } : {}), ...params });
  return `/reports/${encodeURIComponent(week)}?${query}`;
}

export async function generateWeeklyReportAction(form: FormData): Promise<void> {
  // role: admin once sign-in lands (issue 11): regenerating a past week is an admin's explicit act
  const raw = { week: form.get("week") ?? "", source: form.get("source") ?? "", by: form.get("by") ?? "", regenerate: form.get("regenerate") ?? "0" };
  const parsed = formSchema.safeParse(raw);
  const fallbackWeek = typeof raw.week === "string" && /^\d{4}-W\d{2}$/.test(raw.week) ? raw.week : "";
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    redirect(fallbackWeek ? reportUrl(fallbackWeek, null, { error: message }) : `/reports?${new URLSearchParams({ error: message })}`);
  }
  const { week, source, by, regenerate } = parsed.data;
  let outcome: string;
  try {
    const result = await generateWeeklyReport(getDb(), { week, source: source ?? undefined, regenerate: regenerate === "1", actor: by });
    outcome = result.stored ? (regenerate === "1" ? "regenerated" : "generated") : result.notStoredBecause ? "not-stored" : "kept";
  } catch (error) {
    if (error instanceof ReportError) redirect(reportUrl(week, source, { error: error.message }));
    throw error;
  }
  revalidatePath("/reports");
  redirect(reportUrl(week, source, { status: outcome }));
}
