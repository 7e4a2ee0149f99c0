// Synthetic telemetry for the ingest benchmark: realistic shapes (inputs, some failures with messages,
// a few files), unique ids, deterministic but for where they end: the last one starts now (the API refuses
// a start more than a day ahead), the others 13 s apart, closer together when that would pass a year.
import { createRandom } from "../../lib/simulate/random";
import type { ExecutionEvent } from "../../lib/telemetry/event-schema";

const YEAR = 365 * 86_400_000;

export function benchEvents(count: number, seed = 7, end = Date.now()): ExecutionEvent[] {
  const r = createRandom(seed);
  const step = Math.min(13_000, Math.floor(YEAR / Math.max(1, count)));
  const start = end - (count - 1) * step;
  const patterns = Array.from({ length: 40 }, (_, i) => `pattern-${i}`);
  const events: ExecutionEvent[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const success = r.next() > 0.12;
    const adHoc = r.next() < 0.2;
    events[i] = {
      id: `bench-${seed}-${i}`,
      ...(adHoc ? {} : { patternId: r.pick(patterns) }),
      operation: r.pick(["create_api_endpoint", "generate_migration", "run_tests", "deploy_preview", "scaffold_component"]),
      inputs: { name: r.pick(["users", "orders", "teams"]), env: r.pick(["staging", "prod"]), attempt: r.int(1, 3) },
      startedAt: new Date(start + i * step).toISOString(),
      durationMs: r.int(50, 60_000),
      success,
      ...(success ? {} : { error: { type: "Error", message: `Timeout after ${r.int(1, 60) * 1000}ms waiting for job ${r.hex(8)} on 10.0.${r.int(0, 9)}.${r.int(1, 254)}` } }),
      ...(i % 50 === 0 ? { files: [{ path: `src/gen/${r.hex(6)}.ts`, action: "created" as const, content: `export const x${i} = ${i};\n` }] } : {}),
      source: r.pick(["ci-1", "ci-2", "agent"]),
    };
  }
  return events;
}
