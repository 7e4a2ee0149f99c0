"use server";
// Loads the demo workspace from the onboarding page. Refuses when telemetry already exists, so a
// second click (or a second tab) cannot double the data.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActionUser } from "../../auth/session";
import { getDb } from "../../db/client";
import { loadDemo } from "../../simulate/demo";
import { formDataOf } from "../form-call";

export interface LoadDemoState {
  error?: string;
}

export async function loadDemoDataAction(previous: LoadDemoState, form: FormData): Promise<LoadDemoState> {
  formDataOf(previous, form);
  const user = await requireActionUser("admin");
  const db = getDb();
  try {
    if ((await db.prisma.execution.count()) > 0) return { error: "This workspace already has telemetry; the demo loads only into an empty one." };
    await loadDemo(db, { actor: user.email });
  } catch (error) {
    return { error: `Loading the demo failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  revalidatePath("/");
  redirect("/");
}
