// Next.js calls register() once when a server process starts: the place to refuse a bad environment (one
// line per variable, exit 1), and to start the in-app job scheduler (lib/jobs) and the graceful shutdown.
// Only in the Node.js runtime, and never while `next build` prerenders pages.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { envProblems } = await import("./lib/schemas/env");
  const problems = envProblems(process.env);
  if (problems.length) {
    for (const line of problems) process.stderr.write(`patterns: ${line}\n`);
    process.exit(1);
  }
  const { startInAppScheduler, stopInAppScheduler } = await import("./lib/jobs/in-app");
  const { closeDb } = await import("./lib/db/client");
  const { installGracefulShutdown } = await import("./lib/server/graceful-shutdown");
  installGracefulShutdown({ stopScheduler: stopInAppScheduler, closeDatabase: closeDb });
  startInAppScheduler();
}
