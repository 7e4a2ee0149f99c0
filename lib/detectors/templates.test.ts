import fc from "fast-check";
import { describe, expect, it, test } from "vitest";
import {
  applyTransform, deriveTemplate, escapeLiteral, extractExample, extractValues, parseTemplate, renderTemplate, splitWords,
  type CaseTransform, type DerivedTemplate, type TemplateExample,
} from "./templates";

function roundTrips(derived: DerivedTemplate, examples: TemplateExample[]): boolean {
  return examples.every((x) => {
    const values = extractExample(derived, x);
    return values !== null && renderTemplate(derived.pathTemplate, values) === x.path && renderTemplate(derived.template, values) === x.content;
  });
}

describe("case transforms", () => {
  test.each([
    ["user_profile", ["user", "profile"]],
    ["UserProfile", ["user", "profile"]],
    ["user-profile", ["user", "profile"]],
    ["userProfile", ["user", "profile"]],
    ["USER_PROFILE", ["user", "profile"]],
    ["user profile", ["user", "profile"]],
    ["HTTPServer", ["http", "server"]],
    ["user2Profile", ["user2", "profile"]],
    ["", []],
  ])("splitWords(%j)", (text, words) => {
    expect(splitWords(text)).toEqual(words);
  });

  test.each<[CaseTransform, string]>([
    ["pascal", "UserProfile"],
    ["camel", "userProfile"],
    ["snake", "user_profile"],
    ["kebab", "user-profile"],
    ["constant", "USER_PROFILE"],
    ["words", "user profile"],
    ["title", "User Profile"],
    ["flat", "userprofile"],
  ])("%s of user-profile is %s", (transform, expected) => {
    expect(applyTransform(transform, "user-profile")).toBe(expected);
  });
});

describe("template syntax", () => {
  test.each([
    ["Hello {{name}}!", { name: "Ada" }, "Hello Ada!"],
    ["class {{name|pascal}}Service", { name: "user_profile" }, "class UserProfileService"],
    ["{{name|constant}}={{name|kebab}}", { name: "userProfile" }, "USER_PROFILE=user-profile"],
    ['{{"{{"}} x }}', {}, "{{ x }}"],
    ["{ {{a}} }", { a: "1" }, "{ 1 }"],
    ["{{{a}}", { a: "1" }, "{1"],
    ["{{ not a tag }}", {}, "{{ not a tag }}"],
  ])("render %j", (template, values, expected) => {
    expect(renderTemplate(template, values)).toBe(expected);
  });

  it("rejects an unknown transform and a missing value", () => {
    expect(() => renderTemplate("{{a|shout}}", { a: "x" })).toThrow(/unknown transform/);
    expect(() => renderTemplate("{{a}}", {})).toThrow(/no value/);
  });

  it("escapes literal {{ so any text parses back to itself", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("{", "}", "a", '"', "|", " ") }), (text) => {
        expect(renderTemplate(escapeLiteral(text), {})).toBe(text);
        expect(parseTemplate(escapeLiteral(text)).every((p) => "lit" in p)).toBe(true);
      }),
    );
  });

  it("extracts values, checking repeated occurrences against their transform", () => {
    expect(extractValues("class {{n|pascal}} { id = '{{n}}' }", "class UserProfile { id = 'user_profile' }")).toEqual({ n: "user_profile" });
    expect(extractValues("class {{n|pascal}} { id = '{{n}}' }", "class UserProfile { id = 'order_item' }")).toBeNull();
    expect(extractValues("class {{n|pascal}} {}", "class UserProfile {}")).toEqual({ n: "UserProfile" });
    expect(extractValues("class {{n|pascal}} {}", "class HTTPServer {}")).toBeNull();
    expect(extractValues("{{n}}-{{n|constant}}", "ab-AB")).toEqual({ n: "ab" });
    expect(extractValues("{{n}}-{{n|constant}}", "ab-XY")).toBeNull();
    expect(extractValues("{{n|pascal}}", "x", { n: "x" })).toBeNull();
  });
});

const PROFILE = (id: { snake: string; pascal: string; kebab: string; camel: string; constant: string; words: string }) =>
  [
    `// ${id.words} page`,
    `import { ${id.pascal}Service } from "../services/${id.kebab}";`,
    `export const ${id.constant}_ROUTE = "/${id.kebab}";`,
    `export function ${id.pascal}Page() {`,
    `  const ${id.camel} = use${id.pascal}();`,
    `  return render("${id.snake}", ${id.camel});`,
    `}`,
    ``,
  ].join("\n");

const forms = (words: string[]) => ({
  snake: applyTransform("snake", words.join(" ")),
  pascal: applyTransform("pascal", words.join(" ")),
  kebab: applyTransform("kebab", words.join(" ")),
  camel: applyTransform("camel", words.join(" ")),
  constant: applyTransform("constant", words.join(" ")),
  words: applyTransform("words", words.join(" ")),
});

describe("deriveTemplate", () => {
  it("makes one identifier in six cases one variable, named from the varying file name", () => {
    const examples = [
      { path: "app/pages/user_profile.tsx", content: PROFILE(forms(["user", "profile"])) },
      { path: "app/pages/order_item.tsx", content: PROFILE(forms(["order", "item"])) },
      { path: "app/pages/invoice.tsx", content: PROFILE(forms(["invoice"])) },
    ];
    const derived = deriveTemplate(examples);
    expect(derived.variables).toEqual([
      { name: "name", values: ["user_profile", "order_item", "invoice"], transforms: ["pascal", "camel", "kebab", "constant", "words"] },
    ]);
    expect(derived.pathTemplate).toBe("app/pages/{{name}}.tsx");
    expect(derived.template).toContain("import { {{name|pascal}}Service } from \"../services/{{name|kebab}}\";");
    expect(derived.template).toContain("export const {{name|constant}}_ROUTE");
    expect(derived.template).toContain("  const {{name|camel}} = use{{name|pascal}}();");
    expect(roundTrips(derived, examples)).toBe(true);
  });

  test.each([
    ["class", "export class UserStore {}", "export class OrderStore {}", "className", "export class {{className}}Store {}"],
    ["function", "function loadUser() {}", "function saveOrder() {}", "functionName", "function {{functionName}}() {}"],
    ["const", "const userCount = 1;", "const orderTotal = 1;", "constName", "const {{constName}} = 1;"],
    ["a key", '{ "version": "1.2.0" }', '{ "version": "2.0.1" }', "version", '{ "version": "{{version}}" }'],
    ["nothing", "a + 1", "b + 1", "var1", "{{var1}} + 1"],
  ])("names a variable from context: %s", (_label, one, two, name, template) => {
    const examples = [{ path: "x.ts", content: one }, { path: "x.ts", content: two }];
    const derived = deriveTemplate(examples);
    expect(derived.variables.map((v) => v.name)).toEqual([name]);
    expect(derived.template).toBe(template);
    expect(roundTrips(derived, examples)).toBe(true);
  });

  test.each([
    ["a varying folder after its parent", ["src/features/billing/index.ts", "src/features/search/index.ts"], "src/features/{{feature}}/index.ts"],
    ["a varying file name", ["docs/adr/0001-use-sqlite.md", "docs/adr/0002-use-sqlite.md"], "docs/adr/{{name}}-use-sqlite.md"],
    ["the same path", ["a/b.ts", "a/b.ts"], "a/b.ts"],
  ])("path template: %s", (_label, paths, pathTemplate) => {
    const examples = paths.map((path) => ({ path, content: "x" }));
    expect(deriveTemplate(examples).pathTemplate).toBe(pathTemplate);
  });

  it("keeps distinct identifiers apart and numbers repeated names", () => {
    const examples = [
      { path: "a.ts", content: "class Alpha {}\nclass Beta {}\n" },
      { path: "a.ts", content: "class Gamma {}\nclass Delta {}\n" },
    ];
    const derived = deriveTemplate(examples);
    expect(derived.template).toBe("class {{className}} {}\nclass {{className2}} {}\n");
  });

  it("round-trips literal {{ in the examples", () => {
    const examples = [
      { path: "t/{{a}}.hbs", content: "<p>{{title}} by user_one</p>{{{raw}}}" },
      { path: "t/{{b}}.hbs", content: "<p>{{title}} by user_two</p>{{{raw}}}" },
    ];
    const derived = deriveTemplate(examples);
    expect(derived.template).toContain('{{"{{"}}title}}');
    expect(roundTrips(derived, examples)).toBe(true);
  });

  it("wants at least two examples", () => {
    expect(() => deriveTemplate([{ path: "a", content: "b" }])).toThrow(RangeError);
  });
});

// ---- generated families: a code-like skeleton with 1–3 slots, each filled per example in random case styles ----

const WORDS = ["user", "profile", "order", "item", "invoice", "account", "report", "task", "queue", "billing", "search", "token"];
const STYLES: CaseTransform[] = ["pascal", "camel", "snake", "kebab", "constant", "words"];
const SNIPPETS = [
  "export class ", "function ", "const ", " = ", "();\n", " {\n  return ", ";\n}\n", "import { ", " } from \"./", "\";\n",
  "// ", "\n", "  ", "(", ")", ": string", "{{", "}}", "<div>", "</div>", "`${", "}`", "\"", "'", "-", "_", " ",
];

const identifier = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((w) => w.join(" "));
const skeleton = fc
  .record({
    pieces: fc.array(fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 14 }),
    slotCount: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ pieces, slotCount }) =>
    fc.record({
      pieces: fc.constant(pieces),
      // where each slot occurrence goes (after piece k), which slot, and in which case style
      occurrences: fc.array(
        fc.record({ after: fc.nat({ max: pieces.length - 1 }), slot: fc.nat({ max: slotCount - 1 }), style: fc.constantFrom(...STYLES) }),
        { minLength: 1, maxLength: 6 },
      ),
      slotCount: fc.constant(slotCount),
    }),
  );

const family = skeleton.chain((s) =>
  fc.record({
    s: fc.constant(s),
    fills: fc.array(fc.array(identifier, { minLength: s.slotCount, maxLength: s.slotCount }), { minLength: 2, maxLength: 3 }),
  }),
);

function build(s: { pieces: string[]; occurrences: Array<{ after: number; slot: number; style: CaseTransform }> }, fill: string[]): string {
  return s.pieces
    .map((piece, k) => piece + s.occurrences.filter((o) => o.after === k).map((o) => applyTransform(o.style, fill[o.slot])).join(""))
    .join("");
}

describe("round-trip property", () => {
  it("rendering each example's extracted values reproduces it byte for byte", () => {
    fc.assert(
      fc.property(family, ({ s, fills }) => {
        const examples = fills.map((fill, i) => ({ path: `src/${applyTransform("kebab", fill[0])}/file${i}.ts`, content: build(s, fill) }));
        const derived = deriveTemplate(examples);
        expect(roundTrips(derived, examples)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("never crashes on arbitrary text and still round-trips", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ path: fc.string(), content: fc.string({ unit: "grapheme", maxLength: 80 }) }), { minLength: 2, maxLength: 3 }), (examples) => {
        expect(roundTrips(deriveTemplate(examples), examples)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("finds one variable per planted identifier when the fills differ in every word", () => {
    // two slots, each used in several case styles; fills share no word, so nothing can be mistaken for literal
    const text = (a: string, b: string) =>
      `export class ${applyTransform("pascal", a)}Store {\n  ${applyTransform("camel", b)} = "${applyTransform("kebab", a)}";\n  // ${applyTransform("words", b)}\n  KEY_${applyTransform("constant", a)} = "${applyTransform("constant", b)}";\n}\n`;
    fc.assert(
      fc.property(fc.shuffledSubarray(WORDS, { minLength: 4, maxLength: 4 }), ([a, b, c, d]) => {
        const examples = [{ path: "s.ts", content: text(a, b) }, { path: "s.ts", content: text(c, d) }];
        const derived = deriveTemplate(examples);
        expect(derived.variables.map((v) => v.values)).toEqual([
          [applyTransform("pascal", a), applyTransform("pascal", c)],
          [b, d],
        ]);
        expect(roundTrips(derived, examples)).toBe(true);
      }),
    );
  });
});
