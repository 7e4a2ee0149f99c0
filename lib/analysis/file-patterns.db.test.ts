// AUTO-002/008 end to end: executions that created files of one structure → a file_template candidate;
// and planted families from the simulator, analysed week by week, scored against what was planted.
import { afterAll, beforeAll, describe, expect, it, test } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { scoreFileGroups, simulateFileScenarios } from "../simulate/file-scenarios";
import { ingestEvents } from "../telemetry/ingest";
import { runAnalysis } from "./run";
import { ANALYSIS_STEPS } from "./steps";

const NOW = Date.parse("2026-11-25T12:00:00Z");
const controller = (name: string, pascal: string) =>
  `import { Router } from "express";\nimport { ${pascal}Service } from "../services/${name}";\n\nexport const ${name}Router = Router();\n${name}Router.get("/${name}", async (req, res) => {\n  res.json(await ${pascal}Service.list());\n});\n`;

describe(`file templates through the analysis run on ${testDialect()}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
    const events = [["users", "Users"], ["orders", "Orders"], ["invoices", "Invoices"]].map(([n, p], i) => ({
      id: `gen-${i}`, operation: "create_api_endpoint", inputs: { name: n }, startedAt: new Date(NOW - (3 - i) * 3_600_000).toISOString(), durationMs: 900, success: true,
      files: [{ path: `src/routes/${n}.ts`, content: controller(n!, p!) }],
    }));
    const nearMiss = { id: "gen-x", operation: "write_notes", startedAt: new Date(NOW - 3_600_000).toISOString(), durationMs: 5, success: true, files: [{ path: "docs/notes.md", content: "# Notes\n\nSome text that is not code at all, written once.\n" }] };
    await ingestEvents(db, [...events, nearMiss], { now: NOW });
    await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(NOW) });
  });
  afterAll(async () => db?.destroy());

  it("proposes one template whose variables reproduce the files", async () => {
    const candidates = await db.prisma.patternCandidate.findMany({ where: { kind: "file_template" } });
    expect(candidates).toHaveLength(1);
    const c = candidates[0]!;
    expect((JSON.parse(c.evidence) as string[]).sort()).toEqual(["src/routes/invoices.ts", "src/routes/orders.ts", "src/routes/users.ts"]);
    expect(c.template).toMatch(/\{\{\w+\}\}/);
    expect(c.template).toContain('import { Router } from "express";');
    expect(c.status).toBe("pending");
  });
});

describe(`planted file families through the analysis run on ${testDialect()}`, () => {
  const WEEK = 7 * 86_400_000;

  // Telemetry arrives week by week with an analysis at the end of each, as in a live system. The step
  // reads every created file from 24 h before the earliest new one, so a family split by a week's end is
  // read whole by the next run and its candidate's evidence grows.
  // Analysed every few hours instead, a run's 24-hour look-back cuts through families it saw whole before:
  // their candidates must keep the whole family (a partial view never replaces a fuller one).
  const DAY = 86_400_000;
  test.each([
    [1, "week", WEEK], [2, "week", WEEK], [3, "week", WEEK], [4, "week", WEEK], [5, "week", WEEK],
    [5, "day", DAY],
  ] as const)("seed %i, analysed every %s: candidates' evidence has pairwise precision ≥ 0.95, recall ≥ 0.90, no near-miss", async (seed, _cadence, every) => {
    const db = await createTestDb();
    try {
      const { events, truth } = simulateFileScenarios({ seed, now: NOW });
      let from = 0;
      let runs = 0;
      for (let end = Date.parse(events[0]!.startedAt) + every; from < events.length; end += every) {
        let to = from;
        while (to < events.length && Date.parse(events[to]!.startedAt) < end) to++;
        const at = Math.min(end, NOW);
        const out = await ingestEvents(db, events.slice(from, to), { maxEvents: Number.POSITIVE_INFINITY, now: at });
        expect(out.ok).toBe(true);
        await runAnalysis(db, { steps: ANALYSIS_STEPS, now: new Date(at) });
        runs++;
        from = to;
      }
      const candidates = await db.prisma.patternCandidate.findMany({ where: { kind: "file_template" } });
      const evidence = candidates.map((c) => JSON.parse(c.evidence) as string[]);
      const s = scoreFileGroups(evidence, truth.families);
      if (every < WEEK) expect(s.recall).toBe(1);
      console.log(`[${testDialect()}] seed ${seed}: ${runs} runs, ${s.groups} candidates for ${truth.families.length} families, precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}`);
      const nearMisses = new Set(truth.nearMissPaths);
      expect(evidence.filter((paths) => paths.some((p) => nearMisses.has(p)))).toEqual([]);
      expect(s.strays).toEqual([]);
      expect(s.precision).toBeGreaterThanOrEqual(0.95);
      expect(s.recall).toBeGreaterThanOrEqual(0.9);
    } finally {
      await db.destroy();
    }
  }, 180_000);
});
