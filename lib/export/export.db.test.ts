// `patterns export` and `patterns import-specs` on a real database: DESIGN.md's layout, stable files
// (twice the same; one new candidate, one new file; stale files removed), export → import → export the
// same, and a bad file named with its line while nothing is imported.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { stringify } from "yaml";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { specToYaml, type PatternSpec } from "../schemas/pattern-spec";
import { exportPatterns } from "./export-patterns";
import { importSpecs, SpecImportError } from "./import-specs";

const dialect = testDialect();
const NOW = new Date("2026-11-30T12:00:00Z");
const spec = (name: string, operation: string, extra: Partial<PatternSpec> = {}): string =>
  specToYaml({ name, operation, parameters: [{ name: "target", observed: ["a", "b"], required: true }], invariants: { region: "eu" }, examples: ["r1", "r2", "r3"], successRate: 0.9, medianDurationMs: 1200, ...extra });

async function seed(db: TestDb) {
  const at = NOW;
  await db.prisma.pattern.createMany({
    data: [
      { id: "deploy-1a2b3c", name: "Deploy", origin: "candidate", spec: spec("Deploy", "deploy"), createdAt: at, updatedAt: at },
      { id: "report-9f8e7d", name: "Weekly report", origin: "candidate", spec: spec("Weekly report", "report"), createdAt: at, updatedAt: at },
      { id: "imported/odd id", name: "Imported", origin: "import", status: "archived", spec: spec("Imported", "odd"), createdAt: at, updatedAt: at },
      { id: "heal_abc", name: "Self-heal: retry", kind: "self_heal", origin: "detector", spec: stringify({ name: "Self-heal: retry", kind: "self_heal", fix: "retry", autoApply: false }), createdAt: at, updatedAt: at },
      { id: "from-telemetry", name: "from-telemetry", createdAt: at, updatedAt: at },
    ],
  });
  const candidate = (id: string, status: string, extra: Record<string, unknown> = {}) => ({
    id, kind: "execution", groupKey: `g-${id}`, name: id, confidence: 0.62, evidenceCount: 4, status, proposedSpec: spec(`Spec ${id}`, `op_${id}`), createdAt: at, updatedAt: at, ...extra,
  });
  await db.prisma.patternCandidate.createMany({
    data: [
      candidate("cand_1", "pending"),
      candidate("cand_2", "pending", { kind: "file_template" }),
      candidate("cand_3", "approved", { patternId: "deploy-1a2b3c" }),
      candidate("cand_4", "auto_approved", { patternId: "report-9f8e7d" }),
      candidate("cand_5", "rejected"),
    ],
  });
  await db.prisma.antiPattern.createMany({
    data: [
      {
        id: "ap_deploy-1a2b3c", key: "pattern:deploy-1a2b3c", kind: "failing_pattern", patternId: "deploy-1a2b3c", status: "quarantined", classification: "broken", failureRate: 0.625,
        occurrences: 15, evidence: JSON.stringify({ failedRunIds: ["r7", "r8"], windowStart: "2026-11-01T00:00:00.000Z", reason: "every run failed" }), firstSeenAt: new Date("2026-11-01T00:00:00Z"), lastSeenAt: at, createdAt: at, updatedAt: at,
      },
      {
        id: "ap_e1", key: "error:e1", kind: "recurring_error", signatureKey: "e1", signature: "timeout after <*>ms ``` <script>alert(1)</script>", status: "monitoring",
        occurrences: 4, evidence: JSON.stringify({ patternIds: ["deploy-1a2b3c"] }), firstSeenAt: new Date("2026-11-10T00:00:00Z"), lastSeenAt: at, createdAt: at, updatedAt: at,
      },
    ],
  });
  await db.prisma.auditEvent.createMany({
    data: [
      { id: "aud_1", at: new Date("2026-11-20T08:00:00Z"), actor: "system", action: "quarantine.apply", targetType: "anti_pattern", targetId: "ap_deploy-1a2b3c", reason: "broken: every run failed" },
      { id: "aud_2", at: new Date("2026-11-10T08:00:00Z"), actor: "system", action: "anti_pattern.detect", targetType: "anti_pattern", targetId: "ap_e1", reason: "seen 3 times | *twice*" },
    ],
  });
  await db.prisma.weeklyReport.createMany({
    data: [
      { id: "wr1", week: "2026-W47", source: "", markdown: "# Week 2026-W47\n", data: "{}", generatedAt: at },
      { id: "wr2", week: "2026-W48", source: "", markdown: "# Week 2026-W48", data: "{}", generatedAt: at },
      { id: "wr3", week: "2026-W48", source: "team-a", markdown: "# Week 2026-W48 (team-a)\n", data: "{}", generatedAt: at },
    ],
  });
}

/** Every file under dir: relative path → content, and mtimes to see what was rewritten. */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, "utf8"));
    }
  };
  walk(dir);
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe(`export and import-specs on ${dialect}`, () => {
  let db: TestDb;
  let dir: string;
  beforeEach(async () => {
    db = await createTestDb();
    dir = mkdtempSync(join(tmpdir(), "pa-export-"));
    await seed(db);
  });
  afterEach(async () => {
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes DESIGN.md's layout: drafts, approved, auto-approved and self-heal specs, the registry and its pages, weekly reports", async () => {
    const summary = await exportPatterns(db, dir);
    const files = tree(dir);
    expect([...files.keys()]).toEqual([
      "patterns/anti_patterns/ap_deploy-1a2b3c.md",
      "patterns/anti_patterns/ap_e1.md",
      "patterns/anti_patterns/registry.yaml",
      "patterns/drafts/cand_1.yaml",
      "patterns/drafts/cand_2.yaml",
      "patterns/reports/weekly/2026-W47.md",
      "patterns/reports/weekly/2026-W48.md",
      "patterns/specs/approved/deploy-1a2b3c.yaml",
      "patterns/specs/approved/imported%2Fodd%20id.yaml",
      "patterns/specs/auto_approved/report-9f8e7d.yaml",
      "patterns/specs/self_heal/heal_abc.yaml",
    ]);
    expect(summary.written).toEqual([...files.keys()]);
    expect(files.get("patterns/drafts/cand_1.yaml")).toBe(
      "# Candidate cand_1 (execution): proposed from 4 runs, confidence 0.62.\n# Approve or reject it on the Candidates page or with `patterns candidates approve|reject cand_1`;\n" +
        `# edits to this file are applied with \`patterns import-specs DIR\`.\n${spec("Spec cand_1", "op_cand_1")}`,
    );
    expect(files.get("patterns/reports/weekly/2026-W48.md")).toBe("# Week 2026-W48\n");
    const page = files.get("patterns/anti_patterns/ap_e1.md")!;
    // telemetry text stays text: the signature sits in a fence its backticks cannot close
    expect(page).toContain("````text\ntimeout after <*>ms ``` <script>alert(1)</script>\n````");
    expect(page).toContain("- 2026-11-10 08:00 UTC: anti\\_pattern.detect by system: seen 3 times \\| \\*twice\\*");
    expect(page).toContain("A recurring error is tracked, not quarantined");
    const quarantined = files.get("patterns/anti_patterns/ap_deploy-1a2b3c.md")!;
    expect(quarantined).toContain("| status | quarantined (broken) |");
    expect(quarantined).toContain("| failure rate | 62.5% |");
    expect(quarantined).toContain("failedRunIds:\n  - r7\n  - r8");
    expect(quarantined).toContain("quarantine.apply by system: broken: every run failed");
    expect(quarantined).toContain("`patterns lift PATTERN --reason TEXT`");
    expect(files.get("patterns/anti_patterns/registry.yaml")).toContain("  - id: ap_deploy-1a2b3c\n    kind: failing_pattern\n    status: quarantined");
  });

  it("is stable: twice gives identical files untouched, one new candidate changes one file, stale files go and others stay", async () => {
    await exportPatterns(db, dir);
    const first = tree(dir);
    const mtime = statSync(join(dir, "patterns/drafts/cand_1.yaml")).mtimeMs;
    expect(await exportPatterns(db, dir)).toMatchObject({ written: [], removed: [] });
    expect(tree(dir)).toEqual(first);
    expect(statSync(join(dir, "patterns/drafts/cand_1.yaml")).mtimeMs).toBe(mtime);

    await db.prisma.patternCandidate.create({ data: { id: "cand_9", kind: "execution", groupKey: "g9", name: "n", confidence: 0.5, status: "pending", proposedSpec: spec("New", "op_new"), createdAt: NOW, updatedAt: NOW } });
    expect(await exportPatterns(db, dir)).toMatchObject({ written: ["patterns/drafts/cand_9.yaml"], removed: [] });

    writeFileSync(join(dir, "patterns/README.md"), "our notes\n");
    writeFileSync(join(dir, "patterns/drafts/notes.txt"), "keep me\n");
    await db.prisma.patternCandidate.update({ where: { id: "cand_1" }, data: { status: "rejected" } });
    await db.prisma.weeklyReport.delete({ where: { id: "wr1" } });
    expect(await exportPatterns(db, dir)).toMatchObject({ written: [], removed: ["patterns/drafts/cand_1.yaml", "patterns/reports/weekly/2026-W47.md"] });
    expect(tree(dir).get("patterns/README.md")).toBe("our notes\n");
    expect(tree(dir).get("patterns/drafts/notes.txt")).toBe("keep me\n");
  });

  it("export → import → export gives the same files, and importing them unchanged writes nothing", async () => {
    await exportPatterns(db, dir);
    const first = tree(dir);
    const audits = await db.prisma.auditEvent.count();
    expect(await importSpecs(db, dir, { actor: "ci" })).toEqual({ created: [], updated: [], draftsUpdated: [], unchanged: 5, skipped: [] });
    expect(await db.prisma.auditEvent.count()).toBe(audits);
    expect(await exportPatterns(db, dir)).toMatchObject({ written: [], removed: [] });
    expect(tree(dir)).toEqual(first);
  });

  it("imports edited and new specs (audited, stored in canonical form) and exports them back as imported", async () => {
    await exportPatterns(db, dir);
    const approved = join(dir, "patterns/specs/approved/deploy-1a2b3c.yaml");
    writeFileSync(approved, readFileSync(approved, "utf8").replace("name: Deploy", "name: Deploy service").replace("operation: deploy", "operation: deploy\ndescription: ships a service"));
    writeFileSync(join(dir, "patterns/specs/approved/hand-written.yaml"), "# written by a person\n" + spec("Hand written", "hand_op").replace("successRate: 0.9", "successRate: 0.90"));
    const draft = join(dir, "patterns/drafts/cand_2.yaml");
    writeFileSync(draft, readFileSync(draft, "utf8").replace("region: eu", "region: us"));

    const summary = await importSpecs(db, dir, { actor: "ci", now: NOW });
    expect(summary).toEqual({ created: ["hand-written"], updated: ["deploy-1a2b3c"], draftsUpdated: ["cand_2"], unchanged: 3, skipped: [] });
    expect(await db.prisma.pattern.findUniqueOrThrow({ where: { id: "deploy-1a2b3c" } })).toMatchObject({ name: "Deploy service", description: "ships a service" });
    expect(await db.prisma.pattern.findUniqueOrThrow({ where: { id: "hand-written" } })).toMatchObject({ origin: "import", status: "active", kind: "execution", spec: spec("Hand written", "hand_op") });
    expect((await db.prisma.patternCandidate.findUniqueOrThrow({ where: { id: "cand_2" } })).proposedSpec).toContain("region: us");
    expect((await db.prisma.auditEvent.findMany({ where: { actor: "ci" }, orderBy: { action: "asc" } })).map((a) => [a.action, a.targetId, a.reason])).toEqual([
      ["candidate.spec_import", "cand_2", "from patterns/drafts/cand_2.yaml"],
      ["pattern.import", "hand-written", "from patterns/specs/approved/hand-written.yaml"],
      ["pattern.spec_import", "deploy-1a2b3c", "from patterns/specs/approved/deploy-1a2b3c.yaml"],
    ]);
    const again = await exportPatterns(db, dir);
    expect(again.removed).toEqual([]);
    // export rewrites the hand-written file in the canonical form (its own header, 0.9) and nothing else
    expect(again.written).toEqual(["patterns/specs/approved/hand-written.yaml"]);
    expect(await exportPatterns(db, dir)).toMatchObject({ written: [], removed: [] });
  });

  it("names every bad file with its line and imports nothing", async () => {
    await exportPatterns(db, dir);
    const good = join(dir, "patterns/specs/approved/deploy-1a2b3c.yaml");
    writeFileSync(good, readFileSync(good, "utf8").replace("name: Deploy", "name: Deploy v2"));
    const bad = join(dir, "patterns/specs/auto_approved/report-9f8e7d.yaml");
    const text = readFileSync(bad, "utf8").replace("required: true", "required: yes please");
    writeFileSync(bad, text);
    writeFileSync(join(dir, "patterns/drafts/cand_1.yaml"), "name: [unclosed\n");
    const badLine = text.split("\n").findIndex((l) => l.includes("required: yes please")) + 1;

    const error = await importSpecs(db, dir, { actor: "ci" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecImportError);
    expect((error as SpecImportError).problems).toEqual([
      expect.stringMatching(/^patterns\/drafts\/cand_1\.yaml:2: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a \]$/),
      expect.stringMatching(new RegExp(`^patterns/specs/auto_approved/report-9f8e7d\\.yaml:${badLine}: parameters\\.0\\.required: `)),
    ]);
    expect((await db.prisma.pattern.findUniqueOrThrow({ where: { id: "deploy-1a2b3c" } })).name).toBe("Deploy");
    expect(await db.prisma.auditEvent.count({ where: { actor: "ci" } })).toBe(0);

    // the command line: exit 1, one line naming the first file and line, and where the others are
    const cli = spawnSync(process.execPath, [join(process.cwd(), "bin", "patterns.mjs"), "import-specs", dir], { encoding: "utf8", env: { ...process.env, DATABASE_URL: db.url } });
    expect(cli.status).toBe(1);
    expect(cli.stderr.trim().split("\n")).toHaveLength(1);
    expect(cli.stderr).toMatch(new RegExp(`^patterns: nothing imported: patterns/drafts/cand_1\\.yaml:2: not valid YAML.*; also patterns/specs/auto_approved/report-9f8e7d\\.yaml:${badLine}\\n$`));
  });

  it("the command line exports as JSON and says what changed", () => {
    const run = (args: string[]) => spawnSync(process.execPath, [join(process.cwd(), "bin", "patterns.mjs"), ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: db.url } });
    const first = run(["export", "--dir", dir, "--json"]);
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ dir, files: 11, removed: [] });
    const second = run(["export", "--dir", dir]);
    expect(second.stdout).toBe(`11 files in ${dir}/patterns: 0 written, 0 removed, 11 unchanged\n`);
    expect(run(["import-specs", dir, "--json"]).stdout).toContain('"unchanged": 5');
  });
});
