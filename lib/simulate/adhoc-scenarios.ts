// Ad-hoc repetitions with known truth for AUTO-001, made to be hard in the ways real telemetry is:
// - planted groups of known size, some with an id in the operation name (replay_webhooks_48213), some
//   with an optional input present in a third of the runs, some producing files whose folder is named
//   after the target (reports/globex/summary.md);
// - near-misses that must not become candidates: one operation run with {target, region} twice and
//   {target, owner} twice; twice without files and twice with; prompts to an agent that share only the
//   operation name (different prose, one asked twice); two runs of an operation that a registered pattern
//   also runs (its runs are not ad-hoc); two operations one word apart;
// - unique one-off executions with names and inputs of their own.
import type { ExecutionEvent } from "../telemetry/event-schema";
import { createRandom } from "./random";

export interface PlantedGroup {
  operation: string;
  ids: string[];
  /** How the group was made hard: "id in operation", "optional input", "files". */
  traits: string[];
}

export interface NearMiss {
  kind: string;
  ids: string[];
}

export interface AdHocTruth {
  groups: PlantedGroup[];
  nearMisses: NearMiss[];
}

const VERBS = ["rotate", "export", "reindex", "backfill", "archive", "provision", "scaffold", "audit", "purge", "migrate", "snapshot", "replay", "resize", "verify"];
const NOUNS = ["api_keys", "invoices", "search_index", "user_avatars", "tenant_db", "feature_flags", "dns_records", "ci_cache", "audit_logs", "webhooks", "queues", "certificates"];
const QUALIFIERS = ["weekly", "for_legal", "after_incident", "by_hand", "in_staging", "before_release", "for_finance", "once", "quarterly", "on_request"];
const CUSTOMERS = ["acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "tyrell"];
const WORDS = ["why", "does", "the", "login", "test", "fail", "on", "main", "summarise", "incident", "draft", "a", "reply", "to", "customer", "about", "refund", "explain", "this", "stack", "trace", "rename", "variable", "in", "billing", "module"];

export function simulateAdHoc(opts: { seed: number; now: number; groups?: number; days?: number }): { events: ExecutionEvent[]; truth: AdHocTruth } {
  const r = createRandom(opts.seed);
  const days = opts.days ?? 21;
  const events: ExecutionEvent[] = [];
  let n = 0;
  const id = () => `adhoc${opts.seed}-${(++n).toString().padStart(5, "0")}`;
  const at = () => new Date(opts.now - r.int(1, days * 24) * 3_600_000).toISOString();
  const used = new Set<string>();
  const fresh = (make: () => string) => {
    for (;;) {
      const name = make();
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  const operation = () => fresh(() => `${r.pick(VERBS)}_${r.pick(NOUNS)}`);

  const groups: PlantedGroup[] = [];
  for (let g = 0; g < (opts.groups ?? 12); g++) {
    const base = operation();
    const idInOp = g % 3 === 0;
    const optional = g % 2 === 1;
    const withFiles = g % 4 >= 2;
    const size = r.int(3, 12);
    const fixed = { region: r.pick(["eu-west-1", "us-east-1"]), dryRun: r.chance(0.5) };
    const ids: string[] = [];
    for (let k = 0; k < size; k++) {
      const runId = id();
      ids.push(runId);
      const target = r.chance(0.5) ? r.pick(CUSTOMERS) : `${r.pick(CUSTOMERS)}-${r.int(1, 99)}`;
      // a third of the runs of an "optional input" group say how verbose to be; the first never does
      const verbose = optional && k > 0 && (k % 3 === 1 || r.chance(0.2));
      events.push({
        id: runId,
        operation: idInOp ? `${base}_${r.int(10_000, 99_999)}` : base,
        inputs: { ...fixed, target, ...(verbose ? { verbose: true } : {}) },
        startedAt: at(), durationMs: r.int(500, 90_000), success: r.chance(0.9), source: "ops-laptop",
        ...(withFiles ? { files: [{ path: `reports/${target}/summary.md`, action: "created" as const, content: `# ${target}\n` }] } : {}),
      });
    }
    groups.push({ operation: idInOp ? `${base}_{{n}}` : base, ids, traits: [...(idInOp ? ["id in operation"] : []), ...(optional ? ["optional input"] : []), ...(withFiles ? ["files"] : [])] });
  }

  const nearMisses: NearMiss[] = [];
  const miss = (kind: string, list: ExecutionEvent[]) => {
    events.push(...list);
    nearMisses.push({ kind, ids: list.map((e) => e.id!) });
  };
  const plain = (operation: string, inputs: Record<string, unknown>, extra: Partial<ExecutionEvent> = {}): ExecutionEvent => ({
    id: id(), operation, inputs, startedAt: at(), durationMs: r.int(500, 5000), success: true, ...extra,
  });
  for (let m = 0; m < 2; m++) {
    const swap = operation();
    miss("input keys swapped", [0, 1].flatMap((k) => [plain(swap, { target: `t${k}`, region: "eu-west-1" }), plain(swap, { target: `t${k}`, owner: "ops" })]));
    const files = operation();
    miss("files or none", [0, 1].flatMap((k) => [plain(files, { target: `t${k}` }), plain(files, { target: `t${k}` }, { files: [{ path: `out/${k}/data.csv` }] })]));
  }
  const prompt = () => Array.from({ length: r.int(4, 9) }, () => r.pick(WORDS)).join(" ") + ` (${r.hex(4)})`;
  // different prompts, one of them asked twice (people do repeat a question)
  const prompts = Array.from({ length: 5 }, prompt);
  miss("free-text prompts", [...prompts, prompts[0]!].map((p) => plain("ask_agent", { prompt: p })));
  const shared = operation();
  const registered = Array.from({ length: 5 }, (_, k) => plain(shared, { target: `t${k}` }, { patternId: `pattern-${shared}` }));
  events.push(...registered);
  miss("ad-hoc runs of a registered pattern's operation", [0, 1].map((k) => plain(shared, { target: `u${k}` })));
  const noun = r.pick(NOUNS);
  const other = r.pick(NOUNS.filter((x) => x !== noun));
  const near = fresh(() => `${r.pick(VERBS)}_${noun}_now`);
  const apart = fresh(() => `${near.split("_")[0]}_${other}_now`);
  miss("operations one word apart", [plain(near, { target: "a" }), plain(near, { target: "b" }), plain(apart, { target: "a" }), plain(apart, { target: "b" })]);

  for (let o = 0; o < 30; o++) {
    const op = fresh(() => `${r.pick(VERBS)}_${r.pick(NOUNS)}_${r.pick(QUALIFIERS)}`);
    const inputs = r.pick([{ note: prompt() }, { ticket: `OPS-${r.int(100, 9999)}` }, { target: r.pick(CUSTOMERS), force: true }, {}]);
    events.push(plain(op, inputs, { durationMs: r.int(100, 5000) }));
  }
  return { events, truth: { groups, nearMisses } };
}
