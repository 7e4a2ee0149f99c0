import fc from "fast-check";
import { describe, expect, it, test } from "vitest";
import { renderTemplate, extractExample, applyTransform } from "./templates";
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

// ---- planted families in generated data ----

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ["user", "profile", "order", "item", "invoice", "account", "report", "task", "queue", "billing", "search", "cart", "payment", "shipment"];
// line shapes: @N = the family's identifier, @M a member name, @V a number, @Q a string
const SHAPES = [
  'import { @N } from "./@Q";', "export class @NService {", "  private @M = @V;", "  @M(): string {", '    return "@Q";', "  }", "}",
  "export function @M(@N: string) {", "  const @M = @N.@M(@V);", "  if (@M > @V) throw new Error(\"@Q\");", "export const @M = [@V, @V];",
  "export interface @N {", "  @M: number;", "  @M?: string;", "// @Q", "export default @N;", "  for (const @M of @N) @M(@M);",
];

interface Planted extends CreatedFile { family: number }

/** Families of 2–5 files over one shared structure; near-misses one line off a family; unrelated noise. */
function plant(seed: number) {
  const r = rng(seed);
  const pick = <T,>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const ident = () => Array.from({ length: 1 + Math.floor(r() * 2) }, () => pick(WORDS)).join(" ");
  const fill = (shapes: string[], id: string) =>
    shapes.map((line) => line.replace(/@([NMVQ])/g, (_, slot: string) =>
      slot === "N" ? applyTransform("pascal", id)
        : slot === "M" ? applyTransform("camel", ident())
          : slot === "V" ? String(Math.floor(r() * 1000))
            : applyTransform("kebab", ident()))).join("\n") + "\n";
  const structure = () => Array.from({ length: 6 + Math.floor(r() * 8) }, () => pick(SHAPES));
  const files: Planted[] = [];
  let serial = 0;
  const add = (family: number, shapes: string[], at: number) => {
    const id = `${ident()} ${serial++}`;
    files.push({ family, executionId: `e${serial}`, path: `src/f${family}/${applyTransform("kebab", id)}.ts`, content: fill(shapes, id), createdAt: at });
  };
  const day = 24 * HOUR;
  // one family every 4 days, so each burst and its late copy are easy to tell apart in the figures
  for (let family = 0; family < 40; family++) {
    const shapes = structure();
    const start = family * 4 * day;
    const size = 2 + Math.floor(r() * 4);
    for (let k = 0; k < size; k++) add(family, shapes, start + Math.floor(r() * 20 * HOUR));
    // now and then the same structure again days later: outside the window, so not part of the group
    if (family % 4 === 0) add(-2000 - family, shapes, start + 3 * day);
    // a near-miss: the same structure with one line of code more (a comment would not count), created alongside
    add(-1 - family, [...shapes.slice(0, 3), pick(SHAPES.filter((l) => !l.startsWith("//"))), ...shapes.slice(3)], start + HOUR);
  }
  for (let k = 0; k < 60; k++) add(-1000 - k, structure(), Math.floor(r() * 30 * day)); // unrelated files
  return files;
}

describe("planted families", () => {
  test.each([1, 2, 3, 4, 5])("seed %i: pairwise precision ≥ 0.95, recall ≥ 0.90, no near-miss grouped", (seed) => {
    const files = plant(seed);
    const familyOf = new Map(files.map((f) => [f.path, f.family]));
    const groups = mineFilePatterns(files, OPTS);
    let truePairs = 0;
    let foundPairs = 0;
    let correctPairs = 0;
    const sizes = new Map<number, number>();
    for (const f of files) if (f.family >= 0) sizes.set(f.family, (sizes.get(f.family) ?? 0) + 1);
    for (const n of sizes.values()) truePairs += (n * (n - 1)) / 2;
    for (const g of groups) {
      for (let i = 0; i < g.files.length; i++) {
        for (let j = i + 1; j < g.files.length; j++) {
          foundPairs++;
          const a = familyOf.get(g.files[i])!;
          if (a >= 0 && a === familyOf.get(g.files[j])) correctPairs++;
        }
      }
      expect(g.files.every((p) => familyOf.get(p)! >= 0)).toBe(true);
    }
    const precision = correctPairs / foundPairs;
    const recall = correctPairs / truePairs;
    console.log(`seed ${seed}: ${groups.length} groups, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
