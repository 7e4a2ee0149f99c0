import { describe, expect, it } from "vitest";
import { specToYaml, type PatternSpec } from "../schemas/pattern-spec";
import { readSpecText } from "./read-spec-file";

const spec: PatternSpec = {
  name: "Create endpoint", operation: "create_api_endpoint", parameters: [{ name: "resource", observed: ["users", "orders"], required: true }],
  invariants: { framework: "express" }, examples: ["run-1"], successRate: 1, medianDurationMs: 1800,
};
const good = specToYaml(spec);
const lineWith = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("reading a spec file back", () => {
  it("accepts what export writes, comments included", () => {
    expect(readSpecText(`# a comment\n${good}`)).toEqual({ ok: true, spec });
  });

  it.each([
    ["a value of the wrong type", good.replace("required: true", "required: maybe"), "required: maybe", /^parameters\.0\.required: /],
    ["a missing key (the enclosing map's line)", good.replace(/^operation: .*\n/m, ""), "name: Create endpoint", /^operation: /],
    ["an unknown key", good.replace("examples:", "owner: me\nexamples:"), "owner: me", /Unrecognized key.*owner/],
    ["a rate above 1", good.replace("successRate: 1", "successRate: 3"), "successRate: 3", /^successRate: /],
  ])("names the line of %s", (_what, text, needle, message) => {
    const r = readSpecText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.line).toBe(lineWith(text, needle));
    expect(r.message).toMatch(message);
  });

  it("names the line of broken YAML", () => {
    const text = good.replace("invariants:", "invariants: [unclosed");
    const r = readSpecText(text);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^not valid YAML/) });
    expect(r.ok ? 0 : r.line).toBeGreaterThanOrEqual(lineWith(text, "[unclosed"));
  });

  it("refuses an empty file at line 1", () => {
    expect(readSpecText("")).toMatchObject({ ok: false, line: 1 });
  });
});
