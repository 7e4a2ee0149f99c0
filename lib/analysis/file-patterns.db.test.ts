// AUTO-002/008 end to end: executions that created files of one structure → a file_template candidate.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
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
