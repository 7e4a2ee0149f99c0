// Monthly (setting cleanupSchedule): retention and archiving, the same work as `patterns cleanup`.
import { runCleanup } from "../../retention/run-cleanup";
import type { JobDefinition } from "../types";

/** The numbers a cleanup reports (rows folded, deleted, patterns archived…), whatever it calls them. */
function countsOf(result: object): Record<string, number> {
  return Object.fromEntries(Object.entries(result).filter((e): e is [string, number] => typeof e[1] === "number"));
}

export const cleanupJob: JobDefinition = {
  id: "cleanup",
  title: "Cleanup",
  description: "Folds executions older than the retention into daily metrics, deletes them, and archives unused patterns.",
  scheduleKey: "cleanupSchedule",
  run: async (ctx) => {
    const result = await runCleanup(ctx.db, { now: ctx.now, actor: ctx.actor });
    const counts = countsOf(result);
    const said = Object.entries(counts).map(([k, v]) => `${k} ${v}`);
    return { message: said.length ? `cleanup: ${said.join(", ")}` : "cleanup: nothing to do", details: { ...result } };
  },
};
