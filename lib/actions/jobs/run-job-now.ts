"use server";
// "Run now" on the Jobs page: starts the job in the background of this server process and redirects
// back to the page, which follows the run. A plain form post, so it works without JavaScript.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { requireActionUser } from "../../auth/session";
import { getDb } from "../../db/client";
import { runJobNowSchema } from "../../schemas/run-job";
import { startJob } from "../../jobs/start-job";
import { plainFormData, textFields } from "../form-call";

export async function runJobNowAction(form: FormData): Promise<void> {
  const { jobId: raw } = textFields(plainFormData(form), ["jobId"]);
  const user = await requireActionUser("admin");
  const parsed = runJobNowSchema.safeParse({ jobId: raw });
  if (!parsed.success) redirect("/jobs?error=unknown-job");
  const { jobId } = parsed.data;
  const start = await startJob(getDb(), jobId, { trigger: "manual", actor: user.email });
  if (!start.started) redirect(`/jobs?busy=${jobId}`);
  after(() => start.done); // the run goes on after the redirect; its row says how it ends
  revalidatePath("/jobs");
  redirect(`/jobs?started=${start.runId}#${start.runId}`);
}
