import { describe, expect, it } from "vitest";
import { formDataOf, textFields } from "./form-call";

const form = () => {
  const f = new FormData();
  f.set("patternId", "p-1");
  f.set("upload", new Blob(["x"]), "x.txt");
  return f;
};

describe("formDataOf", () => {
  it.each([
    ["no state yet", undefined],
    ["null state", null],
    ["a state object", { message: "x" }],
  ])("accepts (%s, FormData)", (_label, previous) => {
    const f = form();
    expect(formDataOf(previous, f)).toBe(f);
  });

  it.each([
    ["an object where the form belongs", {}, {}],
    ["a string where the state belongs", "p-1", form()],
    ["an array where the state belongs", ["p-1"], form()],
    ["no form at all", {}, undefined],
  ])("answers 404 to %s", (_label, previous, f) => {
    expect(() => formDataOf(previous, f)).toThrow(expect.objectContaining({ digest: expect.stringContaining("404") }));
  });
});

describe("textFields", () => {
  it("reads text, and a file or a missing field as undefined", () => {
    expect(textFields(form(), ["patternId", "upload", "reason"])).toEqual({ patternId: "p-1", upload: undefined, reason: undefined });
  });
});
