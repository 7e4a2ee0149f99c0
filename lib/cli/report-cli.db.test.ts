// `patterns report` as a user runs it: telemetry in through `patterns ingest`, the report out as the
// DESIGN.md `report --json` object, the Markdown to a file, and bad weeks refused with exit 2.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";

const dialect = testDialect();
const bin = join(process.cwd(), "bin", "patterns.mjs");

describe(`patterns report on ${dialect}`, () => {
  let db: TestDb;
  let work: string;
  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, [bin, ...args], { cwd: work, input, encoding: "utf8", env: { ...process.env, DATABASE_URL: db.url } });

  beforeAll(async () => {
    db = await createTestDb();
    work = mkdtempSync(join(tmpdir(), "pa-report-"));
    const events = [
      ...[0, 1, 2].map((i) => ({ id: `rc-${i}`, patternId: "deploy-web", operation: "deploy", startedAt: `2026-11-1${6 + i}T10:00:00Z`, durationMs: 1000, success: i > 0, source: "ci" })),
      { id: "rc-adhoc", operation: "one_off", startedAt: "2026-11-19T10:00:00Z", durationMs: 5000, success: true, source: "laptop" },
    ];
    const r = run(["ingest", "-"], events.map((e) => JSON.stringify(e)).join("\n"));
    expect(r.status, r.stderr).toBe(0);
  });
  afterAll(async () => {
    await db?.destroy();
    rmSync(work, { recursive: true, force: true });
  });

  it("prints the week's report as one JSON object with the contract's fields", () => {
    const r = run(["report", "--week", "2026-W47", "--json"]);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const field of ["week", "executions", "successRate", "timeSavedMs", "patterns", "underused", "missedUses", "opportunities", "statusChanges", "followUps"]) {
      expect(report, field).toHaveProperty(field);
    }
    expect(report).toMatchObject({ week: "2026-W47", executions: 4, successRate: 0.75, timeSavedMs: 0 });
    expect(report.patterns).toEqual([expect.objectContaining({ patternId: "deploy-web", uses: 3, successRate: 0.6667, timeSavedMs: 0, baselineSource: null })]);
    for (const list of ["underused", "missedUses", "opportunities", "statusChanges", "followUps"]) expect(Array.isArray(report[list]), list).toBe(true);
    expect(r.stderr).toContain("generated and stored");
  });

  it("answers --report too, narrowed to a source, and writes the Markdown with --out", () => {
    const out = join(work, "w47-ci.md");
    const r = run(["--report", "--week", "2026-W47", "--source", "ci", "--out", out, "--json"]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ source: "ci", executions: 3 });
    const md = readFileSync(out, "utf8");
    expect(md).toMatch(/^# Weekly report 2026-W47/);
    expect(md).toContain("source ci");
    expect(md).toContain("```mermaid");
  });

  it("prints a stored week as it was stored, and Markdown without --json", () => {
    const r = run(["report", "--week", "2026-W47"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("| Executions | 4 |");
    expect(r.stderr).toContain("as stored earlier");
  });

  it("measures time saved against an admin's baseline once set, after a regenerate", () => {
    expect(run(["baseline", "deploy-web", "soon"]).status).toBe(2);
    const set = run(["baseline", "deploy-web", "2000", "--by", "ada", "--json"]);
    expect(set.status, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toEqual({ patternId: "deploy-web", baselineDurationMs: 2000, baselineSource: "admin" });
    const r = run(["report", "--week", "2026-W47", "--regenerate", "--json"]);
    expect(JSON.parse(r.stdout).patterns[0]).toMatchObject({ timeSavedMs: 3 * 2000 - 3 * 1000, baselineSource: "admin" });
    expect(r.stderr).toContain("generated and stored");
  });

  it.each([["2026-W54", "2026 has weeks W01 to W53"], ["last-week", "not an ISO week"], ["2026-48", "YYYY-Www"]])("refuses --week %s with exit 2", (week, message) => {
    const r = run(["report", "--week", week]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
