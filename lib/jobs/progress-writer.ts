// A run's progress, written to its job_runs row as it goes: writes are chained so they land in order,
// and only the latest waiting value is written, so a chatty job costs one UPDATE at a time at most.
import type { DbHandle } from "../db/client";
import type { JobProgress } from "./types";

export function progressWriter(db: DbHandle, runId: string) {
  let chain: Promise<void> = Promise.resolve();
  let pending: JobProgress | null = null;
  const writeLatest = async () => {
    const p = pending;
    pending = null;
    if (!p) return;
    await db.prisma.jobRun.updateMany({ where: { id: runId, status: "running" }, data: { progress: JSON.stringify(p) } }).catch(() => {});
  };
  return {
    write: (p: JobProgress) => {
      const queued = pending !== null;
      pending = p;
      if (!queued) chain = chain.then(writeLatest);
    },
    flush: () => chain,
  };
}
