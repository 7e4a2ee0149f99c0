// npm run bench:pages — every dashboard page's server render on the benchmark world (bench/lib/teams.ts:
// about 96 teams, 1,000,000 executions, 4,320 patterns, analysed once so candidates, quarantines and
// degradation marks exist, and a stored weekly report). The production server (scripts/serve.mjs; built
// first when the sources are newer) is started on that database in its own process group
// (lib/server/app-process.ts); a signed-in admin GETs each page (full HTML, every Suspense boundary
// streamed) WARM times, then RUNS times measured. Target: p95 ≤ 100 ms per page on SQLite; PostgreSQL
// reported. Options: --events N, --dialects sqlite,postgresql, --runs N, --pages /a,/b,
// --url DATABASE_URL (a database loaded and analysed before: skips the load).
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb } from "../lib/db/client";
import { parseDatabaseUrl } from "../lib/db/config";
import { createUser } from "../lib/mutations/create-user";
import { generateWeeklyReport } from "../lib/reports/generate-weekly-report";
import { lastCompleteWeek } from "../lib/reports/iso-week";
import { ensureBuilt, startApp, type AppProcess } from "../lib/server/app-process";
import { freshBenchDb, percentile } from "./lib/bench-db";
import { loadWorld, NOW } from "./lib/teams";
import { arg, countArg, dialectsArg } from "./lib/args";

const COUNT = countArg("events", 1_000_000);
const DIALECTS = dialectsArg();
const RUNS = countArg("runs", 30);
const WARM = 3;
const TARGET_MS = 100;
const PASSWORD = "bench-password-not-secret";
/** the app's output, for when a page fails */
const SERVER_LOG = join(tmpdir(), "pa-bench-pages-server.log");

function pagesFor(week: string, candidateId: string | null, patternId: string | null): string[] {
  const fixed = ["/", "/?days=90", "/candidates", "/patterns", "/anti-patterns", "/fixes", "/executions", "/reports", `/reports/${week}`, "/jobs", "/users", "/activity", "/activity?action=quarantine.apply", "/settings"];
  // the review queue's other views: every status by decision time, failed runs, one candidate's review page
  fixed.push("/candidates?status=all&sort=-decided", "/executions?result=failed");
  if (candidateId) fixed.push(`/candidates/${candidateId}`);
  // the busiest pattern's page, and the registry narrowed to quarantines
  if (patternId) fixed.push(`/patterns/${encodeURIComponent(patternId)}`, "/anti-patterns?status=quarantined");
  const more = arg("pages", "");
  return [...fixed, ...(more ? more.split(",") : [])];
}

async function main() {
  await ensureBuilt();
  const rows: Array<Record<string, string>> = [];
  let ok = true;
  const week = lastCompleteWeek(new Date(NOW));
  const kept = arg("url", "");
  for (const dialect of kept ? [parseDatabaseUrl(kept).dialect] : DIALECTS) {
    // --url: a database loaded and analysed before (kept between runs); otherwise a fresh one, loaded here
    const { temp, db } = kept ? { temp: { url: kept, drop: async () => {} }, db: openDb(parseDatabaseUrl(kept)) } : await freshBenchDb(dialect);
    let app: AppProcess | undefined;
    try {
      if (!kept) {
        await loadWorld(db, COUNT);
      }
      await generateWeeklyReport(db, { week, now: new Date(NOW) });
      if (!(await db.prisma.user.findUnique({ where: { email: "bench@example.com" } }))) await createUser(db, { email: "bench@example.com", role: "admin", password: PASSWORD }, "bench");
      const counts = { executions: await db.prisma.execution.count(), patterns: await db.prisma.pattern.count(), candidates: await db.prisma.patternCandidate.count() };
      app = await startApp({ databaseUrl: temp.url, logFile: SERVER_LOG, env: { NODE_ENV: "production" } });
      const signIn = await fetch(`${app.url}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: app.url }, body: JSON.stringify({ email: "bench@example.com", password: PASSWORD }) });
      const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0]!;
      if (!signIn.ok || !cookie) throw new Error(`sign-in failed: ${signIn.status}`);
      console.error(`${dialect}: ${counts.executions.toLocaleString("en-US")} executions, ${counts.patterns} patterns, ${counts.candidates} candidates`);
      const firstPending = await db.prisma.patternCandidate.findFirst({ where: { status: "pending" }, orderBy: [{ confidence: "desc" }, { id: "asc" }], select: { id: true } });
      const [busiest] = await db.prisma.patternMetricDaily.groupBy({ by: ["patternId"], where: { patternId: { not: "" } }, _sum: { executions: true }, orderBy: { _sum: { executions: "desc" } }, take: 1 });
      for (const path of pagesFor(week, firstPending?.id ?? null, busiest?.patternId ?? null)) {
        const timings: number[] = [];
        for (let i = 0; i < WARM + RUNS; i++) {
          const t0 = performance.now();
          const res = await fetch(`${app.url}${path}`, { headers: { cookie }, redirect: "manual" });
          await res.text();
          const ms = performance.now() - t0;
          if (res.status !== 200) throw new Error(`${path} answered ${res.status} (server log: ${SERVER_LOG})`);
          if (i >= WARM) timings.push(ms);
        }
        timings.sort((a, b) => a - b);
        const p95 = percentile(timings, 95);
        const pass = p95 <= TARGET_MS;
        if (dialect === "sqlite") ok &&= pass;
        rows.push({ dialect, page: path, "p50 ms": percentile(timings, 50).toFixed(1), "p95 ms": p95.toFixed(1), target: dialect === "sqlite" ? (pass ? `✓ ≤ ${TARGET_MS}` : `✗ > ${TARGET_MS}`) : "(reported)" });
      }
    } finally {
      await app?.stop();
      await db.close();
      await temp.drop();
    }
  }
  console.log(`\nbench:pages — server render of each page, ${COUNT.toLocaleString("en-US")} executions, ${RUNS} runs after ${WARM} warm-up`);
  console.table(rows);
  if (!ok) process.exitCode = 1;
}

await main();
