// AUTO-006: the scoring rules one by one, the index's narrowing, and the ranking's invariants.
import fc from "fast-check";
import { describe, expect, it, test } from "vitest";
import type { PatternSpec } from "../schemas/pattern-spec";
import { buildSuggestionIndex, operationTokens, shapeRegex, suggestPatterns, WEIGHTS, type SuggestablePattern, type SuggestContext } from "./suggest";

function spec(over: Partial<PatternSpec> = {}): PatternSpec {
  return { name: "p", operation: "deploy_service", parameters: [], invariants: {}, examples: [], successRate: 1, medianDurationMs: 100, ...over };
}
const pattern = (id: string, over: Partial<PatternSpec> = {}, kind = "execution"): SuggestablePattern => ({ id, name: `name ${id}`, kind, spec: spec(over) });
const one = (p: SuggestablePattern, ctx: SuggestContext) => suggestPatterns(buildSuggestionIndex([p]), ctx)[0];

describe("operationTokens", () => {
  test.each([
    ["deploy_service", ["deploy", "service"]],
    ["deployService", ["deploy", "service"]],
    ["k8s.rollout-restart", ["k8s", "rollout", "restart"]],
    ["HTTPRequestSend", ["http", "request", "send"]],
    ["build build", ["build"]],
    ["___", []],
  ])("%s → %j", (op, tokens) => expect(operationTokens(op)).toEqual(tokens));
});

describe("shapeRegex", () => {
  test.each([
    ["src/{{name}}/index.ts", "src/button/index.ts", true],
    ["src/{{name}}/index.ts", "app/src/button/index.ts", true],
    ["src/{{name}}/index.ts", "src/a/b/index.ts", false],
    ["src/{{name}}/index.ts", "src/button/index.tsx", false],
    ["{{name}}.test.ts", "lib/x/foo.test.ts", true],
    ["docs/{{page}}.md", "docs/x.mdx", false],
  ])("%s vs %s → %s", (shape, path, hit) => expect(shapeRegex(shape).test(path)).toBe(hit));
});

describe("scoring rules", () => {
  const sr = (r: number) => WEIGHTS.successRate * r;
  test.each<[string, Partial<PatternSpec>, SuggestContext, number, RegExp]>([
    ["exact operation", {}, { operation: "deploy_service" }, WEIGHTS.exactOperation + sr(1), /same operation "deploy_service"/],
    ["same tokens, other spelling", {}, { operation: "deployService" }, WEIGHTS.partialOperation + sr(1), /shares "deploy", "service"/],
    ["one of three tokens", {}, { operation: "deploy_db" }, WEIGHTS.partialOperation / 3 + sr(1), /shares "deploy"/],
    ["success rate counts", { successRate: 0.5 }, { operation: "deploy_service" }, WEIGHTS.exactOperation + sr(0.5), /success rate 50%/],
    [
      "input keys match parameters, observed value agrees",
      { parameters: [{ name: "svc", observed: ["api"], required: true }, { name: "tag", observed: [], required: false }] },
      { operation: "deploy_service", inputs: { svc: "api" } },
      WEIGHTS.exactOperation + WEIGHTS.inputKeys / 2 + WEIGHTS.inputValues + sr(1),
      /inputs 1\/2 of its parameters \(svc\); seen values svc=api/,
    ],
    [
      "invariant agrees",
      { invariants: { region: "eu" } },
      { operation: "deploy_service", inputs: { region: "eu" } },
      WEIGHTS.exactOperation + WEIGHTS.inputKeys + WEIGHTS.inputValues + sr(1),
      /seen values region=eu/,
    ],
    [
      "invariant conflicts",
      { invariants: { region: "eu" } },
      { operation: "deploy_service", inputs: { region: "us" } },
      WEIGHTS.exactOperation + WEIGHTS.inputKeys - WEIGHTS.conflict + sr(1),
      /conflicts: region is us, the pattern always uses eu/,
    ],
    [
      "number invariant equals its string form",
      { invariants: { replicas: 3 } },
      { operation: "deploy_service", inputs: { replicas: "3" } },
      WEIGHTS.exactOperation + WEIGHTS.inputKeys + WEIGHTS.inputValues + sr(1),
      /replicas=3/,
    ],
    [
      "file shapes match",
      { files: ["src/{{name}}/index.ts", "src/{{name}}/{{name}}.test.ts"] },
      { operation: "deploy_service", files: ["src/button/index.ts"] },
      WEIGHTS.exactOperation + WEIGHTS.files / 2 + sr(1),
      /files match src\/\{\{name\}\}\/index.ts/,
    ],
    ["all parts at most 1", { invariants: { a: 1 }, files: ["x/{{n}}.ts"] }, { operation: "deploy_service", inputs: { a: 1 }, files: ["x/y.ts"] }, 1, /same operation/],
  ])("%s", (_label, over, ctx, score, reason) => {
    const s = one(pattern("p1", over), ctx);
    expect(s?.score).toBeCloseTo(score, 4);
    expect(s?.reason).toMatch(reason);
  });

  test.each<[string, Partial<PatternSpec>, SuggestContext]>([
    ["nothing shared", {}, { operation: "send_email" }],
    ["only a conflicting invariant", { operation: "x", invariants: { region: "eu" } }, { operation: "y", inputs: { region: "us" } }],
    ["a file path that does not fit", { operation: "x", files: ["src/{{n}}/index.ts"] }, { operation: "y", files: ["src/a/main.ts"] }],
  ])("no suggestion when %s", (_label, over, ctx) => expect(one(pattern("p1", over), ctx)).toBeUndefined());
});

describe("ranking", () => {
  const patterns = [
    pattern("c", { operation: "deploy_service", successRate: 0.9 }),
    pattern("a", { operation: "deploy_service", successRate: 0.9 }),
    pattern("b", { operation: "deploy_db" }),
    pattern("d", { operation: "send_email", parameters: [{ name: "ticket", observed: [], required: true }] }),
    pattern("e", { operation: "render", files: ["components/{{name}}/{{name}}.tsx"] }, "file_template"),
  ];
  const index = buildSuggestionIndex(patterns);

  it("ranks exact operation first, ties by id, then partial matches", () => {
    expect(suggestPatterns(index, { operation: "deploy_service" }).map((s) => s.patternId)).toEqual(["a", "c", "b"]);
  });

  it("brings in patterns through rare input keys and path segments, and honours the limit", () => {
    expect(suggestPatterns(index, { operation: "x", inputs: { ticket: "T-1" } }).map((s) => s.patternId)).toEqual(["d"]);
    expect(suggestPatterns(index, { operation: "x", files: ["components/card/card.tsx"] })[0]).toMatchObject({ patternId: "e", kind: "file_template" });
    expect(suggestPatterns(index, { operation: "deploy_service" }, { limit: 1 })).toHaveLength(1);
    expect(suggestPatterns(index, { operation: "deploy_service" }, { limit: 0 })).toEqual([]);
  });

  it("does not scan every pattern for a key every pattern has", () => {
    const many = Array.from({ length: 2000 }, (_, i) => pattern(`p${i}`, { operation: `op_${i}`, parameters: [{ name: "env", observed: [], required: true }] }));
    expect(suggestPatterns(buildSuggestionIndex(many), { operation: "nothing", inputs: { env: "prod" } })).toEqual([]);
    expect(suggestPatterns(buildSuggestionIndex(many), { operation: "op_7", inputs: { env: "prod" } })[0]?.patternId).toBe("p7");
  });
});

describe("properties", () => {
  const word = fc.constantFrom("deploy", "service", "db", "build", "Send", "email", "x");
  const op = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join("_"));
  const value = fc.oneof(fc.constantFrom("eu", "us", "3"), fc.integer({ min: 0, max: 4 }));
  const keyName = fc.constantFrom("env", "region", "svc", "tag");
  const specArb = fc.record({
    operation: op,
    parameters: fc.uniqueArray(fc.record({ name: keyName, observed: fc.array(fc.constantFrom("eu", "us", "3"), { maxLength: 3 }), required: fc.boolean() }), { selector: (p) => p.name, maxLength: 3 }),
    invariants: fc.dictionary(keyName, value, { maxKeys: 2 }),
    files: fc.array(fc.constantFrom("src/{{name}}/index.ts", "docs/{{page}}.md", "{{name}}.test.ts"), { maxLength: 2 }),
    successRate: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  const patternsArb = fc.array(specArb, { maxLength: 30 }).map((specs) => specs.map((s, i) => pattern(`p${String(i).padStart(2, "0")}`, s)));
  const ctxArb = fc.record(
    { operation: op, inputs: fc.dictionary(keyName, value, { maxKeys: 3 }), files: fc.array(fc.constantFrom("src/a/index.ts", "docs/x.md", "lib/y.test.ts", "z"), { maxLength: 3 }) },
    { requiredKeys: ["operation"] },
  );

  it("scores are in [0, 1], sorted best first with ties by id, and the same every time", () => {
    fc.assert(
      fc.property(patternsArb, ctxArb, (patterns, ctx) => {
        const first = suggestPatterns(buildSuggestionIndex(patterns), ctx, { limit: 50 });
        for (const s of first) expect(s.score >= 0 && s.score <= 1).toBe(true);
        for (let i = 1; i < first.length; i++) {
          const [a, b] = [first[i - 1]!, first[i]!];
          expect(a.score > b.score || (a.score === b.score && a.patternId < b.patternId)).toBe(true);
        }
        expect(suggestPatterns(buildSuggestionIndex([...patterns].reverse()), ctx, { limit: 50 })).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });
});
