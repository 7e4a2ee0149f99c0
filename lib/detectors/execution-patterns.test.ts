import { describe, expect, test } from "vitest";
import { simulateAdHoc } from "../simulate/adhoc-scenarios";
import { clusterKeySets, describeGroup, detectExecutionPatterns, fileShapes, grewMaterially, operationShape, pathShape, qualifiedTitles, type AdHocRun } from "./execution-patterns";

const NOW = Date.parse("2026-11-25T12:00:00Z");
/** The ad-hoc runs among the events (those naming a pattern are that pattern's runs). */
const toRuns = (events: ReturnType<typeof simulateAdHoc>["events"]): AdHocRun[] =>
  events.filter((e) => !e.patternId).map((e) => ({
    id: e.id!, operation: e.operation, inputs: (e.inputs as Record<string, unknown>) ?? null, filePaths: (e.files ?? []).map((f) => f.path),
    startedAt: Date.parse(e.startedAt), durationMs: e.durationMs, success: e.success,
  }));

describe("AUTO-001 execution pattern detector", () => {
  test.each([
    ["reports/acme-12/summary.md", "reports/*/*.md"],
    ["reports/globex/summary.md", "reports/*/*.md"],
    ["src/users/index.ts", "src/*/*.ts"],
    ["out/0/data.csv", "out/*/*.csv"],
    ["Makefile", "*"],
  ])("path shape of %s is %s", (path, shape) => expect(pathShape(path)).toBe(shape));

  test.each([
    [3, 5, false],
    [3, 6, true],
    [10, 19, false],
    [10, 20, true],
  ])("a group rejected at %i that has %i runs grew materially: %s", (at, now, expected) => expect(grewMaterially(at, now)).toBe(expected));

  test("proposes a spec with the varying inputs as parameters and the fixed ones as invariants", () => {
    const runs: AdHocRun[] = ["acme", "globex", "initech"].map((t, i) => ({
      id: `r${i}`, operation: "rotate_api_keys", inputs: { target: t, region: "eu" }, filePaths: [], startedAt: NOW - i * 3_600_000, durationMs: 1000 * (i + 1), success: true,
    }));
    const [c] = detectExecutionPatterns(runs, { now: NOW, minSize: 3 });
    expect(c!.spec).toMatchObject({ operation: "rotate_api_keys", invariants: { region: "eu" }, parameters: [{ name: "target", required: true }], medianDurationMs: 2000, successRate: 1 });
    expect(c!.evidence).toEqual(["r0", "r1", "r2"]);
    expect(c!.confidence).toBeGreaterThan(0);
    expect(c!.confidence).toBeLessThanOrEqual(1);
    expect(detectExecutionPatterns(runs.slice(0, 2), { now: NOW, minSize: 3 })).toEqual([]);
  });

  test.each([
    ["deploy-pr-1234", "deploy-pr-{{n}}"],
    ["replay_webhooks_48213", "replay_webhooks_{{n}}"],
    ["sync tenant 7", "sync tenant {{n}}"],
    ["restore a1b2c3d4e5", "restore {{n}}"],
    ["s3_sync", "s3_sync"], // short names with a digit are names
    ["ec2.resize.v2", "ec2.resize.v2"],
  ])("operation shape of %s is %s", (op, shape) => expect(operationShape(op)).toBe(shape));

  test("files in a spec keep the segments that never changed", () => {
    expect(fileShapes(["reports/acme/summary.md", "reports/globex/summary.md"])).toEqual(["reports/*/summary.md"]);
    expect(fileShapes(["src/a/index.ts", "src/a/util.ts", "README"])).toEqual(["README", "src/a/*.ts"]);
  });

  const U = "\u001f";
  test.each([
    // key sets with counts → which cluster (core) each joins
    [{ [`region${U}target`]: 5, [`region${U}target${U}verbose`]: 2 }, { [`region${U}target`]: `region${U}target`, [`region${U}target${U}verbose`]: `region${U}target` }], // an optional input
    [{ [`region${U}target`]: 2, [`owner${U}target`]: 2 }, { [`region${U}target`]: `region${U}target`, [`owner${U}target`]: `owner${U}target` }], // swapped: two things
    [{ [`a${U}b${U}c`]: 4, [`a${U}b`]: 1, [`a${U}c`]: 1 }, { [`a${U}b${U}c`]: "a", [`a${U}b`]: "a", [`a${U}c`]: "a" }], // core = what all members have
    [{ "": 3, target: 1 }, { "": "", target: "" }], // no inputs, sometimes one
  ])("clusters key sets %j", (counts, expected) => {
    expect(Object.fromEntries(clusterKeySets(new Map(Object.entries(counts))))).toEqual(expected);
  });

  test("runs that share only an operation name and free-text prompts are no pattern; a prompt that keeps coming back is", () => {
    const run = (i: number, prompt: string): AdHocRun => ({ id: `p${i}`, operation: "ask_agent", inputs: { prompt }, filePaths: [], startedAt: NOW - i, durationMs: 1, success: true });
    const prose = ["why does login fail", "draft a reply to acme", "explain this stack trace", "rename the billing module"];
    expect(describeGroup("g", "ask_agent", prose.map((p, i) => run(i, p)), { now: NOW, minSize: 3 })).toBeNull();
    expect(describeGroup("g", "ask_agent", [...prose, prose[0]!].map((p, i) => run(i, p)), { now: NOW, minSize: 3 })).toBeNull(); // one asked twice
    const repeated = [...prose.slice(0, 2), prose[0]!].map((p, i) => run(i, p));
    expect(describeGroup("g", "ask_agent", repeated, { now: NOW, minSize: 3 })).not.toBeNull();
    const ids = ["OPS-1", "OPS-2", "OPS-3"].map((p, i) => run(i, p)); // different but not prose: a parameter
    expect(describeGroup("g", "ask_agent", ids, { now: NOW, minSize: 3 })).not.toBeNull();
  });

  // PLANTED_SEEDS=100 widens the sweep (README quotes one); CI runs the first five.
  test.each(Array.from({ length: Number(process.env.PLANTED_SEEDS ?? 5) }, (_, i) => i + 1))("planted groups are found exactly (precision ≥ 0.95, recall ≥ 0.90), near-misses never (seed %i)", (seed) => {
    const { events, truth } = simulateAdHoc({ seed, now: NOW });
    const found = detectExecutionPatterns(toRuns(events), { now: NOW, minSize: 3 });
    const planted = truth.groups.map((g) => [...g.ids].sort().join(","));
    const matched = found.filter((c) => planted.includes([...c.evidence].sort().join(",")));
    const precision = matched.length / found.length;
    const recall = matched.length / planted.length;
    console.log(`AUTO-001 seed ${seed}: precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (${found.length} candidates, ${planted.length} planted)`);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    const nearMiss = new Set(truth.nearMisses.flatMap((m) => m.ids));
    expect(found.filter((c) => c.evidence.some((e) => nearMiss.has(e)))).toEqual([]);
  });
});

describe("qualifiedTitles", () => {
  test("names a cluster by the inputs every run has, then by the files it writes", () => {
    const spec = { name: "Write file", invariants: { mode: "0755" }, parameters: [{ name: "path", observed: [], required: true }, { name: "owner", observed: [], required: false }], files: ["bin/*.sh"] };
    expect(qualifiedTitles(spec)).toEqual(["Write file (mode, path)", "Write file (mode, path) writing bin/*.sh"]);
    expect(qualifiedTitles({ ...spec, invariants: {}, parameters: [] })).toEqual(["Write file writing bin/*.sh"]);
    expect(qualifiedTitles({ ...spec, invariants: {}, parameters: [], files: undefined })).toEqual([]);
  });
});
