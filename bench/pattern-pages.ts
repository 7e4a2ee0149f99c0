// npm run bench:pattern-pages — the reads behind the overview, the Patterns list, a pattern's page and the
// anti-pattern registry, at the benchmark world (the simulator's teams, 1,000,000 executions over 70 days,
// analysed once). Each page's reads run together as the page runs them; p50/p95 over repeated renders,
// against the 100 ms p95 per page (the reads, without React's rendering).
// Options: --events N (default 1,000,000), --dialects sqlite,postgresql (default: both), --runs N (default 30),
// --url DATABASE_URL (measure a database already loaded and analysed, e.g. kept from an earlier run).
import { openDb, type DbHandle } from "../lib/db/client";
import { parseDatabaseUrl } from "../lib/db/config";
import { getOutages } from "../lib/queries/anti-patterns/get-outages";
import { getRegistryPage } from "../lib/queries/anti-patterns/get-registry-page";
import { getDailyTotals } from "../lib/queries/overview/get-daily-totals";
import { getDecisionCounts } from "../lib/queries/overview/get-decision-counts";
import { getHasData } from "../lib/queries/overview/get-has-data";
import { getTopPatterns } from "../lib/queries/overview/get-top-patterns";
import { getPattern } from "../lib/queries/patterns/get-pattern";
import { getPatternFailures } from "../lib/queries/patterns/get-pattern-failures";
import { getPatternHistory } from "../lib/queries/patterns/get-pattern-history";
import { getRecentRuns, getRunsById } from "../lib/queries/patterns/get-pattern-runs";
import { getPatternWeekly } from "../lib/queries/patterns/get-pattern-weekly";
import { getPatternsPage } from "../lib/queries/patterns/get-patterns-page";
import { periodOf, shiftDay } from "../lib/queries/period";
import { freshBenchDb, latencyRow } from "./lib/bench-db";
import { loadWorld, NOW } from "./lib/teams";
import { arg, countArg, dialectsArg } from "./lib/args";

const COUNT = countArg("events", 1_000_000);
const DIALECTS = dialectsArg();
const RUNS = countArg("runs", 30);
const TARGET_MS = 100;
const URL_ARG = arg("url", "");

function pages(db: DbHandle, today: string, patternId: string): Record<string, () => Promise<unknown>> {
  const p30 = periodOf(30, today);
  const p90 = periodOf(90, today);
  const overview = (p: typeof p30) => () => Promise.all([getHasData(db), getDailyTotals(db, p), getDailyTotals(db, p.previous), getDecisionCounts(db, p), getTopPatterns(db, p)]);
  return {
    "/ (30 days)": overview(p30),
    "/?days=90": overview(p90),
    "/patterns": () => getPatternsPage(db, { limit: 100, offset: 0, sort: { id: "pattern", desc: false }, range: p30 }),
    "/patterns?status=active&page=2": () => getPatternsPage(db, { limit: 100, offset: 100, sort: { id: "pattern", desc: false }, status: "active", range: p30 }),
    [`/patterns/${patternId}`]: async () => {
      const pattern = await getPattern(db, patternId);
      return Promise.all([
        getPatternWeekly(db, patternId, shiftDay(today, -182)), getRecentRuns(db, patternId), getRunsById(db, pattern?.candidate?.evidenceIds ?? []),
        getPatternFailures(db, patternId, new Date(`${p30.from}T00:00:00Z`)),
        getPatternHistory(db, { patternId, antiPatternId: pattern?.antiPattern?.id ?? null, candidateId: pattern?.candidate?.id ?? null }),
      ]);
    },
    "/anti-patterns": () => Promise.all([getRegistryPage(db, { limit: 50, offset: 0, sort: { id: "status", desc: false } }), getOutages(db)]),
    "/anti-patterns?status=quarantined": () => getRegistryPage(db, { limit: 50, offset: 0, sort: { id: "status", desc: false }, status: "quarantined" }),
  };
}

async function main() {
  const rows: Array<Record<string, string>> = [];
  const notes: string[] = [];
  let ok = true;
  const today = new Date(NOW).toISOString().slice(0, 10);
  for (const dialect of URL_ARG ? [parseDatabaseUrl(URL_ARG).dialect] : DIALECTS) {
    const { temp, db } = URL_ARG ? { temp: null, db: openDb(parseDatabaseUrl(URL_ARG)) } : await freshBenchDb(dialect);
    try {
      if (!URL_ARG) await loadWorld(db, COUNT);
      const [busiest] = await getTopPatterns(db, periodOf(30, today), 1);
      const counts = { patterns: await db.prisma.pattern.count(), candidates: await db.prisma.patternCandidate.count(), entries: await db.prisma.antiPattern.count() };
      notes.push(`${dialect}: ${counts.patterns} patterns, ${counts.candidates} candidates, ${counts.entries} registry entries; pattern page of the busiest, ${busiest?.patternId}`);
      for (const [path, read] of Object.entries(pages(db, today, busiest?.patternId ?? "none"))) {
        await read(); // warm: the first render prepares statements
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const t0 = performance.now();
          await read();
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        const row = latencyRow(dialect, path, times, TARGET_MS);
        ok &&= row.target!.startsWith("✓");
        rows.push(row);
      }
    } finally {
      await db.close();
      await temp?.drop();
    }
  }
  console.log(`\nbench:pattern-pages — each page's reads over ${COUNT.toLocaleString("en-US")} executions, ${RUNS} renders each`);
  console.table(rows);
  for (const n of notes) console.log(n);
  if (!ok) process.exitCode = 1;
}

await main();
