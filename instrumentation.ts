// Next.js calls register() once when a server process starts: the place to start the in-app job
// scheduler (lib/jobs). Only in the Node.js runtime, and never while `next build` prerenders pages.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startInAppScheduler } = await import("./lib/jobs/in-app");
  startInAppScheduler();
}
