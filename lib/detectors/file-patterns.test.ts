import fc from "fast-check";
import { describe, expect, it, test } from "vitest";
import { renderTemplate, extractExample } from "./templates";
import { scoreFileGroups, simulateFileScenarios } from "../simulate/file-scenarios";
import { executionEventSchema, type ExecutionEvent } from "../telemetry/event-schema";
import { FILE_PATTERN_DEFAULTS, mineFilePatterns, skeletonOf, type CreatedFile } from "./file-patterns";

const HOUR = 3_600_000;
const OPTS = FILE_PATTERN_DEFAULTS;

const service = (name: string, n: number, note = "") =>
  `import { Repo } from "../db/${name}";\n${note}export class ${name}Service {\n  private limit = ${n};\n  find(id: string) {\n    return this.repo.get(id, "${name}");\n  }\n}\n`;

describe("skeletonOf", () => {
  test.each([
    ["names, numbers and strings differ", service("User", 1), service("Order", 250), true],
    ["a comment is added", service("User", 1), service("User", 1, "// generated\n/* block */\n"), true],
    ["spacing inside a line differs", "const a = f(1, 2);\nexport default a;\n", "const  b=f( 3,4 ) ;\nexport default b;\n", true],
    ["a method is added", service("User", 1), service("User", 1).replace("  }\n}", "  }\n  count() { return 0; }\n}"), false],
    ["a keyword differs", "export const a = 1;\n", "export let a = 1;\n", false],
    ["indentation differs (Python)", "def f(x):\n    return x\n", "def f(x):\nreturn x\n", false],
  ])("%s → same skeleton: %s", (_label, a, b, same) => {
    expect(skeletonOf(a, "src/a.ts") === skeletonOf(b, "src/b.ts")).toBe(same);
  });

  test.each([
    ["ts", "a.ts", "b.py", false],
    ["py hash comments", "x.py", "y.py", true],
  ])("extension matters: %s", (_label, p1, p2, same) => {
    const a = "value = compute(1)  # first\nprint(value)\n";
    const b = "other = compute(2)\nprint(other)\n";
    expect(skeletonOf(a, p1) === skeletonOf(b, p2)).toBe(same);
  });

  it("never crashes and is deterministic on any text", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), fc.string(), (content, path) => {
      expect(skeletonOf(content, path)).toBe(skeletonOf(content, path));
    }));
  });
});

const file = (path: string, content: string, createdAt: number, executionId = `ex-${path}`): CreatedFile => ({ executionId, path, content, createdAt });

describe("mineFilePatterns", () => {
  it("groups same-structure files created within 24 h, with a template that reproduces them", () => {
    const files = [
      file("src/services/user.ts", service("User", 10), 0),
      file("src/services/order.ts", service("Order", 20), 2 * HOUR),
      file("src/services/invoice.ts", service("Invoice", 30), 5 * HOUR),
    ];
    const [group, ...rest] = mineFilePatterns(files, OPTS);
    expect(rest).toEqual([]);
    expect(group.files).toEqual(["src/services/user.ts", "src/services/order.ts", "src/services/invoice.ts"]);
    expect(group.executionIds).toEqual(files.map((f) => f.executionId));
    expect(group.template.pathTemplate).toBe("src/services/{{name}}.ts");
    expect(group.template.template).toContain("export class {{name|pascal}}Service {");
    for (const f of files) {
      const values = extractExample(group.template, f)!;
      expect(renderTemplate(group.template.template, values)).toBe(f.content);
    }
    expect(group.confidence).toBeGreaterThan(0.5);
    expect(group.confidence).toBeLessThanOrEqual(1);
  });

  test.each([
    ["two files 23 h apart", [0, 23 * HOUR], 2],
    ["two files 25 h apart", [0, 25 * HOUR], 0],
    ["a chain, each within 24 h of the next", [0, 20 * HOUR, 40 * HOUR], 3],
    ["one straggler after a pair", [0, HOUR, 60 * HOUR], 2],
  ])("window: %s", (_label, times, grouped) => {
    const names = ["Alpha", "Beta", "Gamma"];
    const files = times.map((t, i) => file(`s/${names[i]}.ts`, service(names[i], i), t));
    const groups = mineFilePatterns(files, OPTS);
    expect(groups.reduce((n, g) => n + g.files.length, 0)).toBe(grouped);
  });

  test.each([
    ["empty content", ""],
    ["whitespace only", "  \n\n"],
  ])("ignores files with no content: %s", (_label, content) => {
    expect(mineFilePatterns([file("a.ts", content, 0), file("b.ts", content, 1)], OPTS)).toEqual([]);
  });

  it("counts a path once, ignores trivial files, and respects minFiles", () => {
    expect(mineFilePatterns([file("a.ts", service("A", 1), 0), file("a.ts", service("A", 2), HOUR)], OPTS)).toEqual([]);
    expect(mineFilePatterns([file("a.txt", "hello", 0), file("b.txt", "world", 1)], OPTS)).toEqual([]);
    const three = [file("a.ts", service("A", 1), 0), file("b.ts", service("B", 1), 1), file("c.ts", service("C", 1), 2)];
    expect(mineFilePatterns(three, { ...OPTS, minFiles: 4 })).toEqual([]);
    expect(mineFilePatterns(three, { ...OPTS, minFiles: 3 })).toHaveLength(1);
  });

  it("gives a stable group key whatever the input order", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }), (order) => {
        const files = ["A", "B", "C", "D"].map((n, i) => file(`s/${n}.ts`, service(n, i), i * HOUR));
        const groups = mineFilePatterns(order.map((i) => files[i]), OPTS);
        expect(groups.map((g) => [g.groupKey, g.files])).toEqual([["" + groups[0].groupKey, ["s/A.ts", "s/B.ts", "s/C.ts", "s/D.ts"]]]);
        expect(groups[0].groupKey).toMatch(/^[0-9a-f]{16}$/);
      }),
      { numRuns: 20 },
    );
  });
});

// ---- planted families in simulated telemetry ----

/** Created files with content, as the analysis step reads them: the run's start is the file's creation. */
function createdFiles(events: readonly ExecutionEvent[]): CreatedFile[] {
  return events.flatMap((e) => (e.files ?? [])
    .filter((f) => (f.action ?? "created") === "created" && f.content !== undefined)
    .map((f) => ({ executionId: e.id!, path: f.path, content: f.content!, createdAt: Date.parse(e.startedAt) })));
}

describe("planted families", () => {
  const NOW = Date.UTC(2026, 10, 25, 12);

  it("the simulator's events are valid, unique, before now and the same for a seed", () => {
    const { events, truth } = simulateFileScenarios({ seed: 1, now: NOW });
    expect(simulateFileScenarios({ seed: 1, now: NOW }).events).toEqual(events);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    for (const e of events) {
      expect(executionEventSchema.safeParse(e).success).toBe(true);
      expect(Date.parse(e.startedAt)).toBeLessThan(NOW);
    }
    const paths = events.flatMap((e) => (e.files ?? []).map((f) => f.path));
    expect(new Set(paths).size).toBe(paths.length);
    expect(truth.families.every((f) => f.paths.length >= 2)).toBe(true);
  });

  test.each([1, 2, 3, 4, 5])("seed %i: pairwise precision ≥ 0.95, recall ≥ 0.90, no near-miss grouped", (seed) => {
    const { events, truth } = simulateFileScenarios({ seed, now: NOW });
    const groups = mineFilePatterns(createdFiles(events), OPTS);
    const s = scoreFileGroups(groups.map((g) => g.files), truth.families);
    console.log(`seed ${seed}: ${s.groups} groups for ${truth.families.length} families, precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}`);
    expect(s.strays).toEqual([]);
    const nearMisses = new Set(truth.nearMissPaths);
    expect(groups.filter((g) => g.files.some((p) => nearMisses.has(p)))).toEqual([]);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.9);
  });
});
