// npx tsx bench/suggest.ts — AUTO-006 with 10,000 active patterns stored: the index build (first call),
// then p50/p95/p99 of getSuggestions (what `patterns suggest` runs) and of POST /api/v1/suggest over
// real HTTP, for 1,000 varied contexts, on SQLite and PostgreSQL. Target: p95 < 20 ms.
import { freshBenchDb, latencyRow, percentile } from "./lib/bench-db";
import { serveRoutes } from "../lib/api/test-server";
import { createToken } from "../lib/mutations/create-token";
import { getSuggestionIndex, getSuggestions } from "../lib/queries/suggest/get-suggestions";
import { specToYaml, type PatternSpec } from "../lib/schemas/pattern-spec";
import { errorSignature, signatureKey } from "../lib/signature";
import type { SuggestContext } from "../lib/detectors/suggest";

const PATTERNS = 10_000;
const QUERIES = 1000;
const ERRORS = 200;
const VERBS = ["deploy", "build", "sync", "rotate", "backup", "restore", "scale", "migrate", "render", "notify", "archive", "index", "compile", "publish", "verify", "import", "export", "clean", "scan", "create"];
const NOUNS = ["service", "database", "cache", "queue", "bucket", "report", "invoice", "user", "token", "cluster", "image", "package", "page", "component", "schema", "ledger", "metric", "alert", "backup", "secret", "domain", "cert", "node", "volume", "job", "worker", "topic", "stream", "table", "view", "model", "dataset", "feature", "flag", "tenant", "region", "zone", "route", "gateway", "proxy", "lambda", "cron", "webhook", "email", "sms", "pdf", "thumbnail", "search", "graph", "session"];
const KEYS = ["env", "region", "service", "version", "replicas", "tier", "owner", "branch", "target", "format", "retries", "timeout", "bucket", "tenant", "locale", "channel"];
const VALUES = ["prod", "staging", "dev", "eu-west-1", "us-east-1", "gold", "silver", "v1", "v2", "3", "5", "main", "pdf", "csv"];
const FILES = ["src/{{name}}/index.ts", "src/components/{{name}}/{{name}}.tsx", "docs/{{page}}.md", "migrations/{{id}}_{{name}}.sql", "lib/{{area}}/{{name}}.test.ts", "charts/{{name}}/values.yaml"];

const opOf = (i: number) => `${VERBS[i % VERBS.length]}_${NOUNS[Math.floor(i / VERBS.length) % NOUNS.length]}`;
const errorText = (i: number) => `${NOUNS[i % 50]} worker ${VERBS[Math.floor(i / 50) % 20]} failed: upstream refused request ${1000 + i} after 30000ms`;

function specOf(i: number): PatternSpec {
  const keys = [0, 1, 2].map((k) => KEYS[(i * 3 + k * 5) % KEYS.length]!).filter((k, n, all) => all.indexOf(k) === n);
  return {
    name: `${opOf(i)} #${i}`,
    operation: i % 7 === 0 ? `${VERBS[i % 20]}${NOUNS[(i * 3) % 50]![0]!.toUpperCase()}${NOUNS[(i * 3) % 50]!.slice(1)}` : opOf(i),
    parameters: keys.slice(0, 2).map((name, k) => ({ name, observed: [VALUES[(i + k) % VALUES.length]!, VALUES[(i + k + 3) % VALUES.length]!], required: k === 0 })),
    invariants: { [keys[2] ?? "tier"]: VALUES[i % VALUES.length]!, ...(i % 3 === 0 ? { [`k${i % 97}`]: i % 5 } : {}) },
    files: i % 4 === 0 ? [FILES[i % FILES.length]!, FILES[(i + 1) % FILES.length]!] : undefined,
    examples: [`exec_${i}`],
    successRate: ((i * 37) % 100) / 100,
    medianDurationMs: 100 + (i % 900),
  };
}

function contextOf(q: number): SuggestContext {
  const i = (q * 7919) % PATTERNS;
  const base: SuggestContext = { operation: q % 5 === 4 ? `${VERBS[q % 20]}-${NOUNS[(q * 11) % 50]}-v2` : opOf(i) };
  if (q % 2 === 0) base.inputs = { [KEYS[(i * 3) % 16]!]: VALUES[i % VALUES.length], [KEYS[q % 16]!]: VALUES[q % VALUES.length] };
  if (q % 3 === 0) base.files = [`src/widget${q}/index.ts`, `docs/page${q}.md`];
  if (q % 4 === 0) base.error = errorText(q % ERRORS);
  return base;
}


async function main() {
  const results: Array<Record<string, string | number>> = [];
  let ok = true;
  for (const dialect of ["sqlite", "postgresql"] as const) {
    const { temp, db } = await freshBenchDb(dialect);
    const now = new Date();
    const rows = Array.from({ length: PATTERNS }, (_, i) => ({
      id: `pat_${String(i).padStart(5, "0")}`, name: specOf(i).name, kind: i % 4 === 0 ? "file_template" : "execution", status: "active",
      spec: specToYaml(specOf(i)), createdAt: now, updatedAt: now,
    }));
    for (let i = 0; i < rows.length; i += 1000) await db.prisma.pattern.createMany({ data: rows.slice(i, i + 1000) });
    const fixes = Array.from({ length: ERRORS * 3 }, (_, n) => {
      const signature = errorSignature(errorText(Math.floor(n / 3)));
      return { id: `fix_${n}`, signatureKey: signatureKey(signature), signature, fix: `fix-${n % 3}-${VERBS[Math.floor(n / 3) % 20]}`, attempts: 10 + (n % 20), successes: 5 + (n % 10), lastSeenAt: now, updatedAt: now };
    });
    if (new Set(fixes.map((f) => f.signatureKey)).size !== ERRORS) throw new Error("bench errors collapsed into fewer signatures");
    await db.prisma.errorPattern.createMany({ data: fixes });

    const coldStart = performance.now();
    await getSuggestions(db, contextOf(0));
    const coldMs = performance.now() - coldStart;
    const { builtMs, patterns, skipped } = await getSuggestionIndex(db);
    if (patterns !== PATTERNS || skipped) throw new Error(`indexed ${patterns} patterns, skipped ${skipped}`);

    process.env.DATABASE_URL = temp.url;
    const route = await import("../app/api/v1/suggest/route");
    const server = await serveRoutes({ "/api/v1/suggest": { POST: route.POST } });
    const token = (await createToken(db, "bench")).secret;
    let found = 0;
    const timeIt = async (fn: (q: number) => Promise<number>) => {
      for (let q = 0; q < 50; q++) await fn(q); // warm-up (the HTTP route's own handle builds its index here)
      const t: number[] = [];
      found = 0;
      for (let q = 0; q < QUERIES; q++) {
        const start = performance.now();
        found += (await fn(q)) > 0 ? 1 : 0;
        t.push(performance.now() - start);
      }
      return t.sort((a, b) => a - b);
    };
    const direct = await timeIt(async (q) => (await getSuggestions(db, contextOf(q))).length);
    const directFound = found;
    const http = await timeIt(async (q) => {
      const res = await fetch(`${server.url}/api/v1/suggest`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(contextOf(q)),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
      return ((await res.json()) as unknown[]).length;
    });
    if (directFound < QUERIES * 0.9 || found < QUERIES * 0.9) throw new Error(`too few contexts matched anything (${directFound}, ${found})`);
    await server.close();
    await (globalThis as { patternsDb?: { close: () => Promise<void> } }).patternsDb?.close();
    await db.close();
    await temp.drop();
    results.push({ dialect, path: "index build (first call)", "p50 ms": coldMs.toFixed(0), "p95 ms": `build ${builtMs.toFixed(0)}`, "p99 ms": "—", target: "one-off" });
    for (const [path, t] of [["getSuggestions", direct], ["POST /api/v1/suggest", http]] as const) {
      ok &&= percentile(t, 95) < 20;
      results.push(latencyRow(dialect, path, t));
    }
    delete process.env.DATABASE_URL;
    (globalThis as { patternsDb?: unknown }).patternsDb = undefined;
  }
  console.log(`\nbench:suggest — ${PATTERNS} active patterns, ${ERRORS * 3} learned fixes, ${QUERIES} contexts each (a quarter with an error)`);
  console.table(results);
  if (!ok) process.exitCode = 1;
}

await main();
