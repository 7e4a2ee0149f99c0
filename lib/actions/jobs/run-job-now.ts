"use server";
// "Run now" on the Jobs page: starts the job in the background of this server process and redirects
// back to the page, which follows the run. A plain form post, so it works without JavaScript.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { getDb } from "../../db/client";
import { startJob } from "../../jobs/start-job";
import { JOB_IDS } from "../../jobs/types";

const runJobNowSchema = z.object({ jobId: z.enum(JOB_IDS) });

export async function runJobNowAction(form: FormData): Promise<void> {
  // role: admin once sign-in lands (issue 11); until then anyone who reaches the dashboard may run a job
  const parsed = runJobNowSchema.safeParse({ jobId: form.get("jobId") });
  if (!parsed.success) redirect("/jobs?error=unknown-job");
  const { jobId } = parsed.data;
  const start = await startJob(getDb(), jobId, { trigger: "manual", actor: "dashboard" });
  if (!start.started) redirect(`/jobs?busy=${jobId}`);
  after(() => start.done); // the run goes on after the redirect; its row says how it ends
  revalidatePath("/jobs");
  redirect(`/jobs?started=${start.runId}#${start.runId}`);
}
