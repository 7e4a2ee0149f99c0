// Telemetry with a known weekly report, for the report's database tests: a group of ad-hoc runs in
// 2026-W46 that the analysis auto-approves as a pattern, then in 2026-W47 runs of that pattern, ad-hoc
// runs that bypass it, new ad-hoc work no pattern covers, and a registered pattern with a hostile name.
import type { DbHandle } from "../db/client";
import { runAnalysis } from "../analysis/run";
import { ANALYSIS_STEPS } from "../analysis/steps";
import { ingestEvents } from "../telemetry/ingest";

export const FIXTURE_WEEK = "2026-W47"; // Monday 2026-11-16 to Monday 2026-11-23
export const FIXTURE_NOW = new Date("2026-11-25T12:00:00Z");
export const HOSTILE_ID = "<script>alert(1)</script>";
const at = (day: number, hour: number) => new Date(Date.UTC(2026, 10, day, hour)).toISOString();

type Ev = { id: string; operation: string; startedAt: string; durationMs: number; success: boolean; patternId?: string; inputs?: Record<string, unknown>; source?: string };

export const EVIDENCE: Ev[] = [60_000, 55_000, 65_000, 60_000, 70_000].map((ms, i) => ({
  id: `fx-ev-${i}`, operation: "export_invoices", inputs: { region: "eu" }, startedAt: at(9 + i, 10), durationMs: ms, success: true, source: "team-a",
}));

/** W47, given the pattern id the analysis made from the evidence. */
export function weekEvents(patternId: string): Ev[] {
  return [
    ...[20_000, 20_000, 25_000, 15_000].map((ms, i) => ({ id: `fx-p-${i}`, patternId, operation: "export_invoices", startedAt: at(16 + i, 9), durationMs: ms, success: i !== 3, source: i < 3 ? "team-a" : "team-b" })),
    ...[50_000, 70_000].map((ms, i) => ({ id: `fx-miss-${i}`, operation: "export_invoices", inputs: { region: "eu" }, startedAt: at(18 + i, 15), durationMs: ms, success: true, source: "team-b" })),
    ...["web-1", "web-2", "db-1"].map((host, i) => ({ id: `fx-rot-${i}`, operation: "rotate_logs", inputs: { host }, startedAt: at(17 + i, 11), durationMs: 30_000, success: true, source: "team-a" })),
    ...[true, false].map((success, i) => ({ id: `fx-x-${i}`, patternId: HOSTILE_ID, operation: "hostile", startedAt: at(20, 8 + i), durationMs: 1_000, success, source: "team-a" })),
  ];
}

async function ingest(db: DbHandle, events: Ev[]): Promise<void> {
  const out = await ingestEvents(db, events, { maxEvents: Number.POSITIVE_INFINITY, now: FIXTURE_NOW.getTime() });
  if (!out.ok) throw new Error(`fixture refused: ${JSON.stringify(out.errors[0])}`);
}

/** Loads the fixture and returns the auto-approved pattern's id. */
export async function seedReportFixture(db: DbHandle): Promise<string> {
  await ingest(db, EVIDENCE);
  await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date("2026-11-14T00:00:00Z") });
  const candidate = await db.prisma.patternCandidate.findFirstOrThrow({ where: { status: "auto_approved" } });
  const patternId = candidate.patternId!;
  await ingest(db, weekEvents(patternId));
  await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date("2026-11-23T00:00:00Z") });
  return patternId;
}
