// A steady ingest while something else runs (bench:cleanup): calls ingestEvents with small batches at a
// fixed rate (0: back to back) and records how long each call took, as an agent posting telemetry sees it. Run as its own
// process (its own database connection, as `patterns cleanup` from cron is to the server), or in-process.
import { openDb, type DbHandle } from "../../lib/db/client";
import { parseDatabaseUrl } from "../../lib/db/config";
import { ingestEvents } from "../../lib/telemetry/ingest";

export interface LoopStats {
  calls: number;
  events: number;
  /** each call's duration, ms */
  timings: number[];
}

export function ingestLoop(db: DbHandle, tag: string, callsPerSecond: number, perCall = 100): { stop: () => Promise<LoopStats> } {
  let running = true;
  let n = 0;
  const stats: LoopStats = { calls: 0, events: 0, timings: [] };
  const done = (async () => {
    while (running) {
      const at = Date.now();
      const events = Array.from({ length: perCall }, () => ({ id: `${tag}-${n++}`, patternId: "live", operation: "deploy", startedAt: new Date(at).toISOString(), durationMs: 1200, success: true, source: "bench" }));
      const began = performance.now();
      const r = await ingestEvents(db, events);
      stats.timings.push(performance.now() - began);
      if (!r.ok) throw new Error("ingest loop: events refused");
      stats.calls++;
      stats.events += r.accepted;
      const wait = callsPerSecond > 0 ? began + 1000 / callsPerSecond - performance.now() : 0;
      await new Promise((resolve) => (wait > 0 ? setTimeout(resolve, wait) : setImmediate(resolve)));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return stats;
    },
  };
}

// As a process (argument: calls per second): ingest until a line arrives on stdin, then print the stats as JSON.
if (process.argv[1]?.endsWith("ingest-loop.ts")) {
  const db = openDb(parseDatabaseUrl(process.env.DATABASE_URL));
  const loop = ingestLoop(db, `loop-${process.pid}`, Number(process.argv[2] ?? 20));
  process.stdout.write("ready\n");
  process.stdin.once("data", async () => {
    const stats = await loop.stop();
    await db.close();
    process.stdout.write(JSON.stringify(stats) + "\n");
    process.exit(0);
  });
}
