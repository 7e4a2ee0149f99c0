// npx tsx bench/mcp.ts (npm run bench:mcp) — the MCP tools an agent calls mid-run, over real HTTP
// (/api/mcp through the SDK's streamable HTTP client, one POST per call): lookup_fix and
// suggest_patterns with 10,000 active patterns (1,000 of them registered from telemetry, described by
// their runs) and 600 learned fixes, p50/p95/p99 of 1,000 calls each, on SQLite and PostgreSQL.
// Target: p95 < 50 ms. Each MCP call alternates with the same question to the REST route (GET
// /api/v1/heal, POST /api/v1/suggest), so the table's ratio shows what MCP adds on this machine's load.
import { setMaxListeners } from "node:events";
import { cpus, loadavg } from "node:os";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { freshBenchDb, latencyRow, percentile } from "./lib/bench-db";
import { serveRoutes } from "../lib/api/test-server";
import { createToken } from "../lib/mutations/create-token";
import { specToYaml } from "../lib/schemas/pattern-spec";
import { errorSignature, signatureKey } from "../lib/signature";
import { ingestEvents } from "../lib/telemetry/ingest";

// the SDK client's fetches share one abort signal; a long run adds a listener per call
setMaxListeners(0);

const PATTERNS = 10_000;
const TELEMETRY_PATTERNS = 1000;
const CALLS = 1000;
const ERRORS = 200;
const TARGET_MS = 50;
const VERBS = ["deploy", "build", "sync", "rotate", "backup", "restore", "scale", "migrate", "render", "notify", "archive", "index", "compile", "publish", "verify", "import", "export", "clean", "scan", "create"];
const NOUNS = ["service", "database", "cache", "queue", "bucket", "report", "invoice", "user", "token", "cluster", "image", "package", "page", "component", "schema", "ledger", "metric", "alert", "backup", "secret", "domain", "cert", "node", "volume", "job", "worker", "topic", "stream", "table", "view", "model", "dataset", "feature", "flag", "tenant", "region", "zone", "route", "gateway", "proxy", "lambda", "cron", "webhook", "email", "sms", "pdf", "thumbnail", "search", "graph", "session"];
const KEYS = ["env", "region", "service", "version", "replicas", "tier", "owner", "branch", "target", "format", "retries", "timeout", "bucket", "tenant", "locale", "channel"];
const VALUES = ["prod", "staging", "dev", "eu-west-1", "us-east-1", "gold", "silver", "v1", "v2", "3", "5", "main", "pdf", "csv"];

const opOf = (i: number) => `${VERBS[i % VERBS.length]}_${NOUNS[Math.floor(i / VERBS.length) % NOUNS.length]}`;
const errorText = (i: number) => `${NOUNS[i % 50]} worker ${VERBS[Math.floor(i / 50) % 20]} failed: upstream refused request ${1000 + i} after 30000ms`;
/** Three of four calls send a message of a learned signature; one in four a near one (another last word). */
const lookupMessage = (q: number) => (q % 4 === 3 ? `${errorText(q % ERRORS).replace(/after 30000ms$/, "")}while waiting for ${NOUNS[q % 50]}` : errorText((q * 7) % ERRORS));

function specOf(i: number) {
  const keys = [KEYS[(i * 3) % KEYS.length]!, KEYS[(i * 3 + 5) % KEYS.length]!];
  return {
    name: `${opOf(i)} #${i}`, operation: opOf(i),
    parameters: keys.map((name, k) => ({ name, observed: [VALUES[(i + k) % VALUES.length]!], required: k === 0 })),
    invariants: { tier: VALUES[i % VALUES.length]! }, examples: [], successRate: ((i * 37) % 100) / 100, medianDurationMs: 100 + (i % 900),
  };
}

function suggestArgs(q: number): Record<string, unknown> {
  const i = (q * 7919) % PATTERNS;
  const args: Record<string, unknown> = { operation: q % 5 === 4 ? `${VERBS[q % 20]}-${NOUNS[(q * 11) % 50]}-v2` : opOf(i) };
  if (q % 2 === 0) args.inputs = { [KEYS[(i * 3) % 16]!]: VALUES[i % VALUES.length], [KEYS[q % 16]!]: VALUES[q % VALUES.length] };
  if (q % 4 === 0) args.error = errorText(q % ERRORS);
  return args;
}

async function seed(db: Awaited<ReturnType<typeof freshBenchDb>>["db"]) {
  const now = new Date();
  const rows = Array.from({ length: PATTERNS - TELEMETRY_PATTERNS }, (_, i) => ({
    id: `pat_${String(i).padStart(5, "0")}`, name: specOf(i).name, kind: "execution", status: "active", spec: specToYaml(specOf(i)), createdAt: now, updatedAt: now,
  }));
  for (let i = 0; i < rows.length; i += 1000) await db.prisma.pattern.createMany({ data: rows.slice(i, i + 1000) });
  // patterns registered from telemetry: three runs each through the ingest path, no spec
  const events = Array.from({ length: TELEMETRY_PATTERNS * 3 }, (_, n) => {
    const i = PATTERNS - TELEMETRY_PATTERNS + Math.floor(n / 3);
    return { patternId: `tel_${i}`, operation: opOf(i), inputs: { [KEYS[i % 16]!]: VALUES[n % VALUES.length] }, startedAt: new Date(now.getTime() - n * 60_000).toISOString(), durationMs: 100 + (n % 500), success: n % 7 !== 0 };
  });
  const ingested = await ingestEvents(db, events, { maxEvents: Number.POSITIVE_INFINITY });
  if (!ingested.ok) throw new Error(`bench telemetry refused: ${ingested.errors[0]?.message}`);
  const fixes = Array.from({ length: ERRORS * 3 }, (_, n) => {
    const signature = errorSignature(errorText(Math.floor(n / 3)));
    return { id: `fix_${n}`, signatureKey: signatureKey(signature), signature, fix: `fix-${n % 3}-${VERBS[Math.floor(n / 3) % 20]}`, attempts: 10 + (n % 20), successes: 5 + (n % 10), autoApply: n % 3 === 0, lastSeenAt: now, updatedAt: now };
  });
  await db.prisma.errorPattern.createMany({ data: fixes });
}

async function main() {
  const results: Array<Record<string, string | number>> = [];
  let ok = true;
  for (const dialect of ["sqlite", "postgresql"] as const) {
    const { temp, db } = await freshBenchDb(dialect);
    await seed(db);
    process.env.DATABASE_URL = temp.url;
    const route = await import("../app/api/mcp/route");
    const heal = await import("../app/api/v1/heal/route");
    const suggestRoute = await import("../app/api/v1/suggest/route");
    const server = await serveRoutes({ "/api/mcp": { POST: route.POST }, "/api/v1/heal": { GET: heal.GET }, "/api/v1/suggest": { POST: suggestRoute.POST } });
    const token = (await createToken(db, "bench")).secret;
    const authorization = `Bearer ${token}`;
    const client = new Client({ name: "bench-mcp", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/api/mcp`), { requestInit: { headers: { authorization } } }));

    const rest = {
      lookup_fix: (a: Record<string, unknown>) => fetch(`${server.url}/api/v1/heal?error=${encodeURIComponent(String(a.error))}`, { headers: { authorization } }),
      suggest_patterns: (a: Record<string, unknown>) => fetch(`${server.url}/api/v1/suggest`, { method: "POST", headers: { authorization, "content-type": "application/json" }, body: JSON.stringify(a) }),
    };
    const timeTool = async (name: keyof typeof rest, args: (q: number) => Record<string, unknown>, found: (r: CallToolResult) => boolean) => {
      const mcp = async (q: number) => (await client.callTool({ name, arguments: args(q) })) as CallToolResult;
      const viaRest = async (q: number) => {
        const res = await rest[name](args(q));
        if (!res.ok) throw new Error(`${name} REST: HTTP ${res.status}`);
        await res.json();
      };
      for (let q = 0; q < 50; q++) await Promise.all([mcp(q), viaRest(q)]); // warm-up: the route's handle builds its indexes here
      const tm: number[] = [];
      const tr: number[] = [];
      let hits = 0;
      for (let q = 0; q < CALLS; q++) {
        let start = performance.now();
        const r = await mcp(q);
        tm.push(performance.now() - start);
        if (r.isError) throw new Error(`${name} failed: ${JSON.stringify(r.content)}`);
        if (found(r)) hits++;
        start = performance.now();
        await viaRest(q);
        tr.push(performance.now() - start);
      }
      if (hits < CALLS * 0.9) throw new Error(`${name}: only ${hits} of ${CALLS} calls found anything`);
      return { mcp: tm.sort((a, b) => a - b), rest: tr.sort((a, b) => a - b) };
    };
    const lookup = await timeTool("lookup_fix", (q) => ({ error: lookupMessage(q) }), (r) => ((r.structuredContent as { fixes: unknown[] }).fixes.length > 0));
    const suggest = await timeTool("suggest_patterns", suggestArgs, (r) => ((r.structuredContent as { suggestions: unknown[] }).suggestions.length > 0));
    await client.close();
    await server.close();
    await (globalThis as { patternsDb?: { close: () => Promise<void> } }).patternsDb?.close();
    (globalThis as { patternsDb?: unknown }).patternsDb = undefined;
    await db.close();
    await temp.drop();
    delete process.env.DATABASE_URL;
    for (const [tool, t, restPath] of [["lookup_fix", lookup, "GET /api/v1/heal"], ["suggest_patterns", suggest, "POST /api/v1/suggest"]] as const) {
      ok &&= percentile(t.mcp, 95) < TARGET_MS;
      const ratio = (percentile(t.mcp, 95) / percentile(t.rest, 95)).toFixed(2);
      results.push({ ...latencyRow(dialect, `MCP ${tool} over HTTP`, t.mcp, TARGET_MS), "p95 ÷ REST": ratio });
      results.push({ ...latencyRow(dialect, `  same via ${restPath}`, t.rest, TARGET_MS), "p95 ÷ REST": "1.00" });
    }
  }
  const [load] = loadavg();
  console.log(`\nbench:mcp — load average ${load!.toFixed(1)} on ${cpus().length} cores at the end`);
  console.log(`bench:mcp — ${PATTERNS} active patterns (${TELEMETRY_PATTERNS} described by their runs), ${ERRORS * 3} learned fixes, ${CALLS} calls per tool (a quarter of lookups by a near message)`);
  console.table(results);
  if (!ok) process.exitCode = 1;
}

await main();
