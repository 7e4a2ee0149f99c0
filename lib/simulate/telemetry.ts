// Simulated telemetry that plants known truth, for the demo workspace and for detector tests:
// patterns that fail often or rarely, one that degrades from a known week, one that breaks at a known
// time, retries whose fix works and retries whose fix does not, ad-hoc repetitions and one-offs.
import type { ExecutionEvent } from "../telemetry/event-schema";
import { createRandom, type Random } from "./random";

const DAY = 86_400_000;

export interface PlantedPattern {
  id: string;
  operation: string;
  failureRate: number;
  /** From this time on the failure rate becomes `laterFailureRate` (degradation or breakage). */
  changeAt?: number;
  laterFailureRate?: number;
}

export interface PlantedFix {
  error: string;
  fix: string;
  successRate: number;
}

export interface SimulationTruth {
  patterns: PlantedPattern[];
  fixes: PlantedFix[];
  adHocGroups: Array<{ operation: string; size: number }>;
}

export interface Simulation {
  events: ExecutionEvent[];
  truth: SimulationTruth;
}

export interface SimulateOptions {
  seed?: number;
  /** End of the simulated period (exclusive), epoch ms. */
  now: number;
  days?: number;
  /** Runs per pattern per day, on average. */
  runsPerDay?: number;
}

const ERRORS = [
  (r: Random) => `ECONNREFUSED: connect to 10.0.${r.int(0, 9)}.${r.int(1, 254)}:5432 failed`,
  (r: Random) => `Timeout after ${r.int(20, 60) * 1000}ms waiting for job ${r.hex(8)}`,
  (r: Random) => `ENOENT: no such file or directory, open '/tmp/build-${r.hex(6)}/out.json'`,
  (r: Random) => `TypeError: Cannot read properties of undefined (reading '${r.pick(["id", "name", "status"])}')`,
];

function plantedPatterns(now: number, days: number): PlantedPattern[] {
  const start = now - days * DAY;
  return [
    { id: "create-api-endpoint", operation: "create_api_endpoint", failureRate: 0.03 },
    { id: "generate-migration", operation: "generate_migration", failureRate: 0.05 },
    { id: "scaffold-component", operation: "scaffold_component", failureRate: 0.02 },
    { id: "run-e2e-suite", operation: "run_e2e_suite", failureRate: 0.55 },
    { id: "deploy-preview", operation: "deploy_preview", failureRate: 0.04, changeAt: start + Math.floor(days * 0.7) * DAY, laterFailureRate: 0.45 },
    { id: "sync-translations", operation: "sync_translations", failureRate: 0.02, changeAt: now - 4 * DAY, laterFailureRate: 1 },
    { id: "update-deps", operation: "update_dependencies", failureRate: 0.1 },
  ];
}

const FIXES: PlantedFix[] = [
  { error: "ECONNREFUSED", fix: "restart-db-container", successRate: 0.95 },
  { error: "Timeout", fix: "increase-timeout", successRate: 0.9 },
  { error: "Timeout", fix: "clear-cache", successRate: 0.2 },
  { error: "ENOENT", fix: "create-output-dir", successRate: 1 },
];

export function simulateTelemetry(opts: SimulateOptions): Simulation {
  const r = createRandom(opts.seed ?? 42);
  const days = opts.days ?? 42;
  const runsPerDay = opts.runsPerDay ?? 6;
  const start = opts.now - days * DAY;
  const patterns = plantedPatterns(opts.now, days);
  const events: ExecutionEvent[] = [];
  let n = 0;
  const nextId = () => `sim-${(++n).toString().padStart(6, "0")}`;
  const at = (day: number) => start + day * DAY + r.int(0, DAY - 3_600_000);

  for (let day = 0; day < days; day++) {
    for (const p of patterns) {
      const runs = r.int(Math.max(1, runsPerDay - 3), runsPerDay + 3);
      for (let k = 0; k < runs; k++) {
        const t = at(day);
        const failureRate = p.changeAt !== undefined && t >= p.changeAt ? p.laterFailureRate! : p.failureRate;
        const success = !r.chance(failureRate);
        const id = nextId();
        const base: ExecutionEvent = {
          id,
          patternId: p.id,
          operation: p.operation,
          inputs: { name: r.pick(["users", "orders", "invoices", "teams", "billing"]), env: r.pick(["staging", "prod"]) },
          startedAt: new Date(t).toISOString(),
          durationMs: r.int(800, 20_000),
          success,
          source: r.pick(["ci-runner-1", "ci-runner-2", "agent-claude", "dev-laptop"]),
        };
        if (success) {
          events.push(base);
          continue;
        }
        const makeError = r.pick(ERRORS);
        const message = makeError(r);
        events.push({ ...base, error: { type: message.split(":")[0], message } });
        const candidates = FIXES.filter((f) => message.startsWith(f.error));
        if (candidates.length && r.chance(0.7)) {
          const fix = r.pick(candidates);
          const retryOk = r.chance(fix.successRate);
          events.push({
            ...base,
            id: nextId(),
            startedAt: new Date(t + 60_000).toISOString(),
            retryOf: id,
            fix: fix.fix,
            success: retryOk,
            ...(retryOk ? {} : { error: { type: message.split(":")[0], message: makeError(r) } }),
          });
        }
      }
    }
    // Ad-hoc work: a repeated manual operation, and unique one-offs.
    if (day % 3 === 0) {
      events.push({
        id: nextId(),
        operation: "rotate_api_keys",
        inputs: { service: r.pick(["billing", "search", "auth"]), provider: "vault" },
        startedAt: new Date(at(day)).toISOString(),
        durationMs: r.int(30_000, 90_000),
        success: r.chance(0.9),
        source: "dev-laptop",
      });
    }
    events.push({
      id: nextId(),
      operation: `one_off_${r.hex(6)}`,
      startedAt: new Date(at(day)).toISOString(),
      durationMs: r.int(1000, 60_000),
      success: true,
    });
  }
  events.sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
  return {
    events,
    truth: { patterns, fixes: FIXES, adHocGroups: [{ operation: "rotate_api_keys", size: Math.ceil(days / 3) }] },
  };
}
