// npm run bench:report — the weekly report (AUTO-004) at scale: the simulator's telemetry for many teams
// (bench/lib/teams.ts), 1,000,000 executions over 70 days, analysed once (so ad-hoc shapes, candidates
// and approved patterns exist; it runs an hour into the week, so its approvals, quarantines and degradation
// marks fall in the week and the report has missed uses and status changes to find), then the report of the last complete week generated and stored (target
// ≤ 3 s), regenerated, and narrowed to one source.
// Options: --events N (default 1,000,000), --dialects sqlite,postgresql (default: both).
import { runAnalysis } from "../lib/analysis/run";
import { ANALYSIS_STEPS } from "../lib/analysis/steps";
import { generateWeeklyReport } from "../lib/reports/generate-weekly-report";
import { lastCompleteWeek, parseIsoWeek } from "../lib/reports/iso-week";
import { freshBenchDb } from "./lib/bench-db";
import { loadWorld, NOW } from "./lib/teams";
import { countArg, dialectsArg } from "./lib/args";

const COUNT = countArg("events", 1_000_000);
const DIALECTS = dialectsArg();
const TARGET_S = 3;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await fn();
  return [out, (performance.now() - t0) / 1000];
}

async function main() {
  const rows: Array<Record<string, string | number>> = [];
  const notes: string[] = [];
  let ok = true;
  const now = new Date(NOW);
  const week = lastCompleteWeek(now);
  for (const dialect of DIALECTS) {
    const { temp, db } = await freshBenchDb(dialect);
    try {
      const [, loadS] = await timed(() =>
        loadWorld(db, COUNT, { analyse: false }),
      );
      const analysedAt = new Date(parseIsoWeek(week).from.getTime() + 3_600_000);
      const [, analyzeS] = await timed(() => runAnalysis(db, { steps: ANALYSIS_STEPS, now: analysedAt }));
      const executions = await db.prisma.execution.count();
      const [first, firstS] = await timed(() => generateWeeklyReport(db, { week, now }));
      const [, storedS] = await timed(() => generateWeeklyReport(db, { week, now }));
      const [, regenS] = await timed(() => generateWeeklyReport(db, { week, now, regenerate: true, actor: "bench" }));
      const source = first.report.missedUses[0]?.sources[0] ?? "t1-ci-runner-1";
      const [narrow, sourceS] = await timed(() => generateWeeklyReport(db, { week, now, source }));
      const pass = firstS <= TARGET_S && regenS <= TARGET_S;
      ok &&= pass;
      const r = first.report;
      rows.push({
        dialect, executions, "in week": r.executions, "load s": loadS.toFixed(1), "analysis s": analyzeS.toFixed(1),
        "report s": `${firstS.toFixed(2)} ${firstS <= TARGET_S ? "✓" : "✗"} (≤ ${TARGET_S})`, "stored read s": storedS.toFixed(3),
        "regenerate s": `${regenS.toFixed(2)} ${regenS <= TARGET_S ? "✓" : "✗"}`, "one source s": sourceS.toFixed(2),
      });
      notes.push(
        `${dialect} ${week}: ${r.patterns.length} patterns used, ${r.missedUses.length} missed uses, ${r.opportunities.length} opportunities, ${r.underused.length} underused, ` +
          `${r.statusChanges.length} status changes, ${r.fixes.applied} fixes applied; source ${source}: ${narrow.report.executions} executions`,
      );
    } finally {
      await db.close();
      await temp.drop();
    }
  }
  console.log(`\nbench:report — the weekly report of ${week} over ${COUNT.toLocaleString("en-US")} executions (the simulator's teams, 70 days)`);
  console.table(rows);
  for (const n of notes) console.log(n);
  if (!ok) process.exitCode = 1;
}

await main();
