// Seeded telemetry that plants known failure-side truth — fixes that work or do not, flaky, broken,
// sparse, degrading and recovering patterns, an outage, noise — so detector precision/recall can be measured.
import { errorSignature, signatureKey } from "../signature";
import type { ExecutionFact } from "../detectors/types";
import { addWeeks, isoWeekOf, weekStart } from "../detectors/evolution";
import type { ExecutionEvent } from "../telemetry/event-schema";
import { createRandom, type Random } from "./random";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
export const OUTAGE_SOURCE = "ci-runner-2";
const SOURCES = ["ci-runner-1", OUTAGE_SOURCE, "agent-claude", "dev-laptop"];

/** Hex with at least one digit, as real ids have (an all-letter token reads as a word). */
function hexId(r: Random, n: number): string {
  const h = r.hex(n - 1);
  const at = r.int(0, n - 1);
  return h.slice(0, at) + r.int(0, 9) + h.slice(at);
}

const ip = (r: Random) => `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;

function shuffle<T>(r: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface ErrorKind {
  operation: string;
  fixes: string[];
  make: (r: Random) => string;
}
const kind = (operation: string, fixes: string[], make: (r: Random) => string): ErrorKind => ({ operation, fixes, make });

/** Error kinds: constant text, variable numbers, ids, paths, IPs, hosts — one signature each. */
export const ERROR_KINDS: Record<string, ErrorKind> = {
  db: kind("run_migrations", ["restart-db-container", "failover-to-replica", "raise-pool-size", "flush-dns"], (r) =>
    `ECONNREFUSED connect ${ip(r)}:${r.pick([5432, 6432, 5433])}`),
  timeout: kind("call_jobs_api", ["increase-timeout", "retry-with-backoff", "clear-cache", "pin-api-version"], (r) =>
    `Timeout after ${r.int(5, 120) * 1000}ms waiting for http://api.internal/v1/jobs/${r.int(1, 99999)}`),
  enoent: kind("bundle_assets", ["create-output-dir", "clean-build", "chmod-workdir", "reinstall-deps"], (r) =>
    `ENOENT: no such file or directory, open '/srv/build-${hexId(r, 6)}/out/${r.pick(["report", "bundle", "manifest"])}.json'`),
  rate: kind("sync_issues", ["rotate-api-key", "throttle-requests", "use-batch-endpoint", "wait-and-retry"], (r) =>
    `Rate limit exceeded for key ak_${hexId(r, r.int(7, 12))}: retry after ${r.int(1, 300)} seconds`),
  lock: kind("apply_terraform", ["force-unlock", "wait-for-lock", "kill-stale-job", "split-state"], (r) =>
    `Lock held by job ${r.hex(8)}-${r.hex(4)}-4${r.hex(3)}-a${r.hex(3)}-${hexId(r, 12)} for ${r.int(1, 900)}s`),
  disk: kind("build_image", ["prune-docker-images", "resize-volume", "clear-tmp", "move-cache"], (r) =>
    `Disk quota exceeded on volume vol-${hexId(r, 8)} (${r.int(90, 99)}.${r.int(0, 9)}% used)`),
  migration: kind("deploy_schema", ["dedupe-emails", "drop-and-recreate-index", "skip-migration", "lowercase-emails"], (r) =>
    `Migration ${20260000 + r.int(101, 1228)}_${r.pick(["add_index", "drop_column", "backfill"])} failed: duplicate key value violates unique constraint "users_email_key"`),
  npm: kind("install_deps", ["switch-registry-mirror", "update-lockfile", "npm-login", "clear-npm-cache"], (r) =>
    `npm ERR! 404 Not Found - GET https://registry.npmjs.org/${r.pick(["left-pad", "@acme/ui", "lodash.merge"])}/${r.int(1, 9)}.${r.int(0, 20)}.${r.int(0, 30)} - Not found`),
  oom: kind("compile_bundle", ["raise-max-old-space", "split-build", "disable-sourcemaps", "upgrade-node"], (r) =>
    `FATAL ERROR: JavaScript heap out of memory after ${r.int(512, 8192)} MB (pid ${r.int(100, 65000)})`),
  tls: kind("call_partner_api", ["renew-certificate", "update-ca-bundle", "disable-pinning", "sync-clock"], (r) =>
    `certificate has expired for host ${r.pick(["api", "auth", "billing"])}-${r.int(1, 40)}.internal.example.com (expired 2026-0${r.int(1, 9)}-${r.int(10, 28)})`),
};
const OUTAGE_ERROR = (r: Random) => `503 Service Unavailable from runner ${ip(r)} (request ${hexId(r, 16)})`;
/** Messages that each occur once: no two share a signature, none recurs. */
const ONE_OFFS = [
  "Unexpected end of JSON input while parsing manifest", "Segmentation fault in native addon sharp", "Invalid header value for X-Trace",
  "Git merge conflict in CHANGELOG", "Unsupported engine: node", "Checksum mismatch for downloaded archive", "Cannot find module 'left-pad'",
  "SSH host key verification failed", "Docker daemon not running", "YAML indentation error in workflow file", "Permission denied (publickey)",
  "Locale not supported by ICU build", "Port already in use by another process", "Clock skew detected between nodes",
];

export type PatternKind = "healthy" | "moderate" | "flaky" | "broken" | "sparse" | "degrading" | "recovering";

export interface PlantedPattern {
  id: string;
  kind: PatternKind;
  source: string;
  failureRate: number;
  /** From changeAt (until recoverAt, when set) the pattern fails at laterFailureRate. */
  changeAt?: number;
  recoverAt?: number;
  laterFailureRate?: number;
  errorKinds: string[];
}

export interface PlantedFix {
  errorKey: string;
  kind: string;
  fix: string;
  plantedRate: number;
  plannedAttempts: number;
  class: "reliable" | "works" | "fails" | "few";
}

type FixRef = { errorKey: string; fix: string };

export interface FailureTruth {
  patterns: PlantedPattern[];
  fixes: PlantedFix[];
  selfHealFixes: FixRef[];
  notSelfHealFixes: FixRef[];
  /** Reliable fixes (≥ 97 % over ≥ 20 attempts) must be auto-applied; failing or barely tried ones must not. */
  autoApplyFixes: FixRef[];
  notAutoApplyFixes: FixRef[];
  /** Degrading patterns are in neither quarantine list (at 60 % success either answer is right). */
  quarantined: string[];
  notQuarantined: string[];
  broken: string[];
  flaky: string[];
  /** Broken patterns are in neither degradation list: they got worse, but their finding is the quarantine. */
  degrading: string[];
  notDegrading: string[];
  recovering: string[];
  outages: Array<{ source: string; start: number; end: number; patternIds: string[] }>;
  /** errorKey of every planted kind (each recurs), and of each one-off error (occurs once). */
  recurringErrorKeys: string[];
  oneOffErrorKeys: string[];
}

export interface FailureScenarioOptions {
  seed: number;
  now: number;
  /** Simulated history; 70 days by default (the recovery case needs 8 weeks before the current one). */
  days?: number;
}

const keyOf = (message: string) => signatureKey(errorSignature(message));
const PLAN: Array<[PatternKind, number]> = [
  ["healthy", 12], ["moderate", 3], ["flaky", 7], ["broken", 5], ["sparse", 5], ["degrading", 5], ["recovering", 1],
];
const ON_OUTAGE_SOURCE: Partial<Record<PatternKind, number>> = { healthy: 6, moderate: 1, flaky: 1, broken: 1, degrading: 1 };

function plantPatterns(r: Random, now: number): PlantedPattern[] {
  const nowWeek = isoWeekOf(now);
  const weeksAgo = (n: number) => weekStart(addWeeks(nowWeek, -n));
  const kinds = Object.keys(ERROR_KINDS);
  const out: PlantedPattern[] = [];
  for (const [kind, count] of PLAN) {
    for (let i = 0; i < count; i++) {
      const source = i < (ON_OUTAGE_SOURCE[kind] ?? 0) ? OUTAGE_SOURCE : r.pick(SOURCES.filter((s) => s !== OUTAGE_SOURCE));
      const p: PlantedPattern = { id: `${kind}-${i + 1}`, kind, source, failureRate: r.next() * 0.05, errorKinds: [r.pick(kinds), r.pick(kinds)] };
      if (kind === "moderate") p.failureRate = 0.08 + r.next() * 0.07;
      if (kind === "flaky") p.failureRate = 0.6 + r.next() * 0.15;
      if (kind === "sparse") p.failureRate = 0.5;
      if (kind === "broken") Object.assign(p, { changeAt: now - (3 + r.next() * 9) * DAY, laterFailureRate: 1 });
      if (kind === "degrading") {
        Object.assign(p, { failureRate: 0.01 + r.next() * 0.02, changeAt: weeksAgo(r.int(1, 2)), laterFailureRate: 0.35 + r.next() * 0.1 });
      }
      if (kind === "recovering") Object.assign(p, { changeAt: weeksAgo(5), recoverAt: weeksAgo(2), laterFailureRate: 0.4 });
      out.push(p);
    }
  }
  return out;
}

function rateAt(p: PlantedPattern, t: number): number {
  const changed = p.changeAt !== undefined && t >= p.changeAt && (p.recoverAt === undefined || t < p.recoverAt);
  return changed ? p.laterFailureRate! : p.failureRate;
}

/** Fix plans per error kind: a reliable and a working fix each, a failing one for most kinds, a few barely tried. */
function plantFixes(r: Random): PlantedFix[] {
  const out: PlantedFix[] = [];
  Object.entries(ERROR_KINDS).forEach(([kind, k], i) => {
    const errorKey = keyOf(k.make(r));
    const names = shuffle(r, k.fixes);
    const plan = (fix: string, cls: PlantedFix["class"], plantedRate: number, plannedAttempts: number) =>
      out.push({ errorKey, kind, fix, plantedRate, plannedAttempts, class: cls });
    plan(names[0]!, "reliable", 0.97 + r.next() * 0.03, r.int(20, 30));
    plan(names[1]!, "works", 0.95 + r.next() * 0.05, r.int(8, 14));
    if (i < 8) plan(names[2]!, "fails", 0.05 + r.next() * 0.2, r.int(12, 20));
    if (i % 2 === 0) plan(names[3]!, "few", r.next() < 0.5 ? 1 : 0.5, r.int(1, 2));
  });
  return out;
}

interface Emit {
  at: number;
  operation: string;
  success: boolean;
  patternId?: string;
  source?: string;
  retryOf?: string;
  fix?: string;
  error?: { type?: string; message: string };
  inputs?: Record<string, unknown>;
}

export function simulateFailureScenarios(opts: FailureScenarioOptions): { events: ExecutionEvent[]; truth: FailureTruth } {
  const r = createRandom(opts.seed);
  const { now } = opts;
  const days = opts.days ?? 70;
  const start = now - days * DAY;
  const patterns = plantPatterns(r, now);
  const fixes = plantFixes(r);
  const events: ExecutionEvent[] = [];
  const emit = (e: Emit): string => {
    const id = `fs${opts.seed}-${(events.length + 1).toString().padStart(6, "0")}`;
    const { at, error, ...rest } = e;
    const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Omit<Emit, "at" | "error">;
    events.push({ id, ...defined, startedAt: new Date(at).toISOString(), durationMs: r.int(100, 30_000), ...(e.success ? {} : { error }) });
    return id;
  };
  const anyTime = (d: number) => start + d * DAY + r.int(0, DAY - MIN);

  // the outage: 3 hours, 2–5 days ago, in which every run from one source fails
  const outageStart = now - r.int(2, 5) * DAY - r.int(0, 12 * 60) * MIN;
  const outage = { source: OUTAGE_SOURCE, start: outageStart, end: outageStart + 3 * HOUR, patternIds: [] as string[] };
  const down = (source: string, t: number) => source === outage.source && t >= outage.start && t < outage.end;

  const patternRun = (p: PlantedPattern, at: number) => {
    const source = r.chance(0.9) ? p.source : r.pick(SOURCES);
    const outageHit = down(source, at);
    const success = !outageHit && !r.chance(rateAt(p, at));
    const error = outageHit ? { type: "Unavailable", message: OUTAGE_ERROR(r) } : { type: "Error", message: ERROR_KINDS[r.pick(p.errorKinds)]!.make(r) };
    emit({ at, patternId: p.id, operation: p.id.replace(/-\d+$/, "_task"), inputs: { target: r.pick(["users", "orders"]) }, success, source, error });
  };
  for (const p of patterns) {
    if (p.kind === "sparse") {
      for (let k = r.int(3, 8); k > 0; k--) patternRun(p, now - r.int(1, 25 * 24 * 60) * MIN);
      continue;
    }
    for (let d = 0; d < days; d++) for (let k = r.int(2, 6); k > 0; k--) patternRun(p, anyTime(d));
    if (p.source !== OUTAGE_SOURCE) continue;
    // the pipeline on the failing runner retries on a loop: a burst of failures inside the outage
    outage.patternIds.push(p.id);
    for (let k = r.int(20, 30); k > 0; k--) {
      const error = { type: "Unavailable", message: OUTAGE_ERROR(r) };
      emit({ at: outage.start + r.int(0, 3 * HOUR - 1), patternId: p.id, operation: "ci_loop", success: false, source: OUTAGE_SOURCE, error });
    }
  }

  // fixes, on ad-hoc runs: a failed run, then a retry with the fix; a failed fix is often followed by
  // the kind's reliable one, retrying the failed retry
  const reliable = new Map(fixes.filter((f) => f.class === "reliable").map((f) => [f.kind, f]));
  const failedRun = (kind: string, at: number, extra: Partial<Emit> = {}) =>
    emit({ at, operation: ERROR_KINDS[kind]!.operation, success: false, source: r.pick(SOURCES), error: { type: "Error", message: ERROR_KINDS[kind]!.make(r) }, ...extra });
  const attempt = (f: PlantedFix, retryOf: string, at: number) => {
    const success = r.chance(f.plantedRate);
    return { success, id: failedRun(f.kind, at, { retryOf, fix: f.fix, success }) };
  };
  for (const f of fixes) {
    for (let a = 0; a < f.plannedAttempts; a++) {
      const at = anyTime(r.int(1, days - 2));
      const first = attempt(f, failedRun(f.kind, at), at + r.int(1, 10) * MIN);
      if (!first.success && f.class === "fails" && r.chance(0.5)) attempt(reliable.get(f.kind)!, first.id, at + 15 * MIN);
    }
  }

  // noise: ad-hoc successes, and one-off errors that occur exactly once
  for (let d = 0; d < days; d++) {
    for (let k = r.int(3, 10); k > 0; k--) {
      emit({ at: anyTime(d), operation: r.pick(["rotate_keys", "seed_demo", "lint_repo", `one_off_${r.hex(5)}`]), success: true, source: r.pick(SOURCES) });
    }
  }
  const oneOffs = shuffle(r, ONE_OFFS).slice(0, 10);
  for (const message of oneOffs) emit({ at: anyTime(r.int(0, days - 1)), operation: `one_off_${r.hex(5)}`, success: false, error: { message } });

  events.sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
  const ids = (...kinds: PatternKind[]) => patterns.filter((p) => kinds.includes(p.kind)).map((p) => p.id);
  const refs = (...classes: Array<PlantedFix["class"]>) =>
    fixes.filter((f) => classes.includes(f.class)).map(({ errorKey, fix }) => ({ errorKey, fix }));
  return {
    events,
    truth: {
      patterns, fixes,
      selfHealFixes: refs("reliable", "works"), notSelfHealFixes: refs("fails", "few"),
      autoApplyFixes: refs("reliable"), notAutoApplyFixes: refs("fails", "few"),
      quarantined: ids("flaky", "broken"), notQuarantined: ids("healthy", "moderate", "sparse", "recovering"),
      broken: ids("broken"), flaky: ids("flaky"),
      degrading: ids("degrading"), notDegrading: ids("healthy", "moderate", "flaky", "sparse", "recovering"), recovering: ids("recovering"),
      outages: [outage],
      recurringErrorKeys: Object.values(ERROR_KINDS).map((k) => keyOf(k.make(r))).concat(keyOf(OUTAGE_ERROR(r))),
      oneOffErrorKeys: oneOffs.map(keyOf),
    },
  };
}

/** Events → the facts detectors read, as the analysis run builds them: seq = position, errorKey from the signature. */
export function toFacts(events: readonly ExecutionEvent[]): ExecutionFact[] {
  return events.map((e, seq) => {
    const signature = !e.success && e.error ? errorSignature(e.error.message) : null;
    return {
      seq, id: e.id ?? `event-${seq}`, patternId: e.patternId ?? null, operation: e.operation,
      startedAt: Date.parse(e.startedAt), durationMs: e.durationMs, success: e.success,
      errorKey: signature === null ? null : signatureKey(signature), errorSignature: signature,
      retryOf: e.retryOf ?? null, fix: e.fix ?? null, source: e.source ?? null, inputs: e.inputs ?? null,
    };
  });
}
