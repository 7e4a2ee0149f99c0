// npm run bench:settings — the Settings and Activity pages' reads at scale: the simulator's telemetry for
// many teams (bench/lib/teams.ts), 1,000,000 executions over 70 days, analysed once (so candidates,
// quarantines, fixes and the audit events they write exist). Timed, each many times: the Settings page's
// reads, the Activity page's reads (unfiltered, by actor, by action, an old page), and the settings preview
// (the bounded 30-day read and both detector runs; an explicit button, target 2 s, not a page render).
// Options: --events N (default 1,000,000), --dialects sqlite,postgresql (default: both), --runs N (default 20).
import { previewSettingsChange } from "../lib/detectors/settings-preview";
import { getAuditActors } from "../lib/queries/activity/get-audit-actors";
import { getAuditEvents } from "../lib/queries/activity/get-audit-events";
import { getPreviewFacts } from "../lib/queries/settings/get-preview-facts";
import { getSettingRows } from "../lib/queries/settings/get-setting-rows";
import { getTokens } from "../lib/queries/tokens/get-tokens";
import { detectorSettings } from "../lib/schemas/settings";
import { freshBenchDb, latencyRow } from "./lib/bench-db";
import { loadWorld, NOW } from "./lib/teams";
import { countArg, dialectsArg } from "./lib/args";

const COUNT = countArg("events", 1_000_000);
const DIALECTS = dialectsArg();
const RUNS = countArg("runs", 20);

async function times(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  await fn(); // warm
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

async function main() {
  const rows: Array<Record<string, string>> = [];
  const notes: string[] = [];
  for (const dialect of DIALECTS) {
    const { temp, db } = await freshBenchDb(dialect);
    try {
      await loadWorld(db, COUNT);
      const now = new Date(NOW);
      const [executions, audits] = [await db.prisma.execution.count(), await db.prisma.auditEvent.count()];
      const page = { limit: 50, offset: 0, sort: { id: "at" as const, desc: true } };
      const actor = (await getAuditActors(db)).find((a) => a !== "system") ?? "system";
      rows.push(latencyRow(dialect, "settings page reads", await times(RUNS, () => Promise.all([getSettingRows(db), getTokens(db)])), 100));
      rows.push(latencyRow(dialect, "activity: page 1", await times(RUNS, () => Promise.all([getAuditActors(db), getAuditEvents(db, page)])), 100));
      rows.push(latencyRow(dialect, `activity: actor ${actor}`, await times(RUNS, () => getAuditEvents(db, { ...page, actor })), 100));
      rows.push(latencyRow(dialect, "activity: action quarantine.apply", await times(RUNS, () => getAuditEvents(db, { ...page, action: "quarantine.apply" })), 100));
      rows.push(latencyRow(dialect, "activity: page 40", await times(RUNS, () => getAuditEvents(db, { ...page, offset: 39 * 50 })), 100));
      const current = detectorSettings((await getSettingRows(db)).settings);
      let changes = 0;
      let patterns = 0;
      const preview = await times(Math.max(3, Math.floor(RUNS / 4)), async () => {
        const facts = await getPreviewFacts(db, now);
        patterns = facts.patterns.length;
        changes = previewSettingsChange(facts, current, { ...current, autoQuarantineFailureRate: 0.3 }).length;
      });
      rows.push(latencyRow(dialect, "settings preview (0.4 → 0.3)", preview, 2000));
      notes.push(`${dialect}: ${executions.toLocaleString("en-US")} executions, ${audits.toLocaleString("en-US")} audit events, preview over ${patterns} patterns listed ${changes} changes`);
    } finally {
      await db.prisma.$disconnect();
      await temp.drop();
    }
  }
  console.table(rows);
  for (const n of notes) console.log(n);
}

await main();
