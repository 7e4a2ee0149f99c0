// The data the MCP tests call the tools on: four weeks of simulated telemetry (lib/simulate) through the
// real ingest path and one analysis run, a weekly report, and one pattern with a written spec.
import { runAnalysis } from "../analysis/run";
import { ANALYSIS_STEPS } from "../analysis/steps";
import type { DbHandle } from "../db/client";
import { generateWeeklyReport } from "../reports/generate-weekly-report";
import { specToYaml } from "../schemas/pattern-spec";
import { simulateFailureScenarios } from "../simulate/failure-scenarios";
import { ingestEvents } from "../telemetry/ingest";

export const FIXTURE_NOW = Date.parse("2026-03-04T12:00:00Z");
export const SPEC_PATTERN = "pat_deploy_api";

export interface McpFixture {
  /** A learned fix, its signature and a message of that signature (a real one from the telemetry). */
  fix: { fix: string; signature: string; message: string };
  quarantined: { id: string; reason: string | null } | null;
  executions: number;
}

export async function seedMcpFixture(db: DbHandle): Promise<McpFixture> {
  const { events } = simulateFailureScenarios({ seed: 11, now: FIXTURE_NOW, days: 28 });
  const outcome = await ingestEvents(db, events, { maxEvents: Number.POSITIVE_INFINITY, now: FIXTURE_NOW });
  if (!outcome.ok) throw new Error(`fixture telemetry refused: ${outcome.errors[0]?.message}`);
  await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(FIXTURE_NOW) });
  await generateWeeklyReport(db, { now: new Date(FIXTURE_NOW) });
  const spec = { name: "deploy the api", operation: "deploy_api", parameters: [{ name: "env", observed: ["prod", "staging"], required: true }], invariants: { region: "eu-west-1" }, examples: [], successRate: 0.97, medianDurationMs: 42_000 };
  await db.prisma.pattern.create({ data: { id: SPEC_PATTERN, name: spec.name, kind: "execution", status: "active", origin: "manual", spec: specToYaml(spec) } });

  const best = await db.prisma.errorPattern.findFirst({ where: { autoApply: true }, orderBy: [{ successes: "desc" }, { id: "asc" }] });
  if (!best) throw new Error("the fixture's analysis learned no auto-applied fix");
  const run = await db.prisma.execution.findFirst({ where: { errorKey: best.signatureKey, errorMessage: { not: null } }, select: { errorMessage: true } });
  const q = await db.prisma.pattern.findFirst({ where: { status: "quarantined" }, orderBy: { id: "asc" }, select: { id: true, quarantineReason: true } });
  return {
    fix: { fix: best.fix, signature: best.signature, message: run!.errorMessage! },
    quarantined: q ? { id: q.id, reason: q.quarantineReason } : null,
    executions: await db.prisma.execution.count(),
  };
}
