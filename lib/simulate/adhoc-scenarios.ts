// Ad-hoc repetitions with known truth for AUTO-001: groups of known size that repeat one operation with
// the same input keys (some values fixed, some varying), unique one-offs, and near-misses — runs of one
// operation whose input keys or file shapes differ, which must not be merged into a group.
import type { ExecutionEvent } from "../telemetry/event-schema";
import { createRandom } from "./random";

export interface PlantedGroup {
  operation: string;
  ids: string[];
}

export interface AdHocTruth {
  groups: PlantedGroup[];
  nearMissOperations: string[];
}

const VERBS = ["rotate", "export", "reindex", "backfill", "archive", "provision", "scaffold", "audit", "purge", "migrate", "snapshot", "replay"];
const NOUNS = ["api_keys", "invoices", "search_index", "user_avatars", "tenant_db", "feature_flags", "dns_records", "ci_cache", "audit_logs", "webhooks"];

export function simulateAdHoc(opts: { seed: number; now: number; groups?: number; days?: number }): { events: ExecutionEvent[]; truth: AdHocTruth } {
  const r = createRandom(opts.seed);
  const days = opts.days ?? 21;
  const events: ExecutionEvent[] = [];
  let n = 0;
  const id = () => `adhoc${opts.seed}-${(++n).toString().padStart(5, "0")}`;
  const at = () => new Date(opts.now - r.int(1, days * 24) * 3_600_000).toISOString();
  const used = new Set<string>();
  const operation = () => {
    for (;;) {
      const op = `${r.pick(VERBS)}_${r.pick(NOUNS)}`;
      if (!used.has(op)) {
        used.add(op);
        return op;
      }
    }
  };
  const groups: PlantedGroup[] = [];
  for (let g = 0; g < (opts.groups ?? 12); g++) {
    const op = operation();
    const size = r.int(3, 12);
    const fixed = { region: r.pick(["eu-west-1", "us-east-1"]), dryRun: r.chance(0.5) };
    const ids: string[] = [];
    const withFiles = r.chance(0.5);
    for (let k = 0; k < size; k++) {
      const runId = id();
      ids.push(runId);
      const target = `${r.pick(["acme", "globex", "initech", "umbrella", "hooli"])}-${r.int(1, 99)}`;
      events.push({
        id: runId, operation: op, inputs: { ...fixed, target }, startedAt: at(), durationMs: r.int(500, 90_000), success: r.chance(0.9), source: "ops-laptop",
        ...(withFiles ? { files: [{ path: `reports/${target}/summary.md`, action: "created" as const, content: `# ${target}\n` }] } : {}),
      });
    }
    groups.push({ operation: op, ids });
  }
  // Near-misses: one operation, two runs with keys {target, region} and two with {target, owner}; or
  // the same keys but different file shapes. Merged they would pass the minimum of 3; apart they do not.
  const nearMissOperations: string[] = [];
  for (let m = 0; m < 4; m++) {
    const op = operation();
    nearMissOperations.push(op);
    for (let k = 0; k < 2; k++) {
      events.push({ id: id(), operation: op, inputs: { target: `t${k}`, region: "eu-west-1" }, startedAt: at(), durationMs: 1000, success: true });
      events.push(
        m % 2 === 0
          ? { id: id(), operation: op, inputs: { target: `t${k}`, owner: "ops" }, startedAt: at(), durationMs: 1000, success: true }
          : { id: id(), operation: op, inputs: { target: `t${k}`, region: "eu-west-1" }, files: [{ path: `out/${k}/data.csv` }], startedAt: at(), durationMs: 1000, success: true },
      );
    }
  }
  for (let o = 0; o < 30; o++) events.push({ id: id(), operation: `one_off_${r.hex(8)}`, inputs: { note: r.hex(4) }, startedAt: at(), durationMs: r.int(100, 5000), success: true });
  return { events, truth: { groups, nearMissOperations } };
}
