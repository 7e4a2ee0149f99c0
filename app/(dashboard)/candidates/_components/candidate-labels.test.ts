import { describe, expect, test } from "vitest";
import { confidenceParts, evidenceLabel, templatePieces } from "./candidate-labels";

describe("candidate labels", () => {
  test.each([
    ["file_template", 4, "4 files"],
    ["file_template", 1, "1 file"],
    ["execution", 3, "3 runs"],
    ["execution", 1, "1 run"],
  ])("%s with %i evidence reads %s", (kind, count, text) => expect(evidenceLabel(kind, count)).toBe(text));

  test("a file template's part is a count, not a score", () => {
    expect(confidenceParts({ files: 4 })).toEqual([{ key: "files", label: "example files", value: "4 files", score: null, weight: null }]);
    expect(confidenceParts({ count: 0.5, success: 1 }).map((p) => [p.label, p.value, p.weight])).toEqual([
      ["how many", "0.50", 0.35],
      ["succeeded", "1.00", 0.3],
    ]);
  });

  test.each([
    ["export default {{name|pascal}};", [["export default ", false], ["{{name|pascal}}", true], [";", false]]],
    ["no variables", [["no variables", false]]],
    ["{{a}}{{b}}", [["{{a}}", true], ["{{b}}", true]]],
    ["{ {not} } {{", [["{ {not} } {{", false]]],
  ])("cuts %j into literal text and variables", (template, pieces) => {
    expect(templatePieces(template).map((p) => [p.text, p.variable])).toEqual(pieces);
  });
});
