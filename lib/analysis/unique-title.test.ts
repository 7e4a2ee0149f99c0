import { expect, test } from "vitest";
import { uniqueTitle } from "./unique-title";

test.each([
  ["Template: a/{{name}}.ts", [], "Template: a/{{name}}.ts"],
  ["Template: a/{{name}}.ts", ["Template: a/{{name}}.ts"], "Template: a/{{name}}.ts (2)"],
  ["Template: a/{{name}}.ts", ["Template: a/{{name}}.ts", "Template: a/{{name}}.ts (2)"], "Template: a/{{name}}.ts (3)"],
  ["Template: b.ts", ["Template: a/{{name}}.ts"], "Template: b.ts"],
])("%s with %j taken → %s", (base, taken, title) => {
  expect(uniqueTitle(base, new Set(taken))).toBe(title);
});

test("a taken title takes the first free qualified form before a number", () => {
  const qualified = ["Write file (mode, path)", "Write file (mode, path) in src/{{n}}"];
  expect(uniqueTitle("Write file", new Set(["Write file"]), { qualified })).toBe("Write file (mode, path)");
  expect(uniqueTitle("Write file", new Set(["Write file", "Write file (mode, path)"]), { qualified })).toBe("Write file (mode, path) in src/{{n}}");
  expect(uniqueTitle("Write file", new Set(["Write file", ...qualified]), { qualified })).toBe("Write file (2)");
  expect(uniqueTitle("Write file", new Set(), { qualified })).toBe("Write file");
});

test("stays within the length limit", () => {
  const base = "x".repeat(200);
  const title = uniqueTitle(base, new Set([base]));
  expect(title).toHaveLength(200);
  expect(title.endsWith(" (2)")).toBe(true);
});
