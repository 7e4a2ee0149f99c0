import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fileNameFor, idFromFileName } from "./layout";

describe("file names of exported ids", () => {
  it.each([
    ["deploy-1a2b3c", "deploy-1a2b3c"],
    ["imported/odd id", "imported%2Fodd%20id"],
    ["../../etc/passwd", "..%2F..%2Fetc%2Fpasswd"],
    ["café", "caf%C3%A9"],
  ])("%s → %s", (id, name) => {
    expect(fileNameFor(id)).toBe(name);
    expect(idFromFileName(name)).toBe(id);
  });

  it("round-trips any id and never names a path outside its folder", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", minLength: 1 }), (id) => {
        const name = fileNameFor(id);
        expect(name).not.toMatch(/[/\\\0]/);
        // a lone surrogate cannot be written as UTF-8: it comes back as U+FFFD, like any UTF-8 file name
        expect(idFromFileName(name)).toBe(new TextDecoder().decode(new TextEncoder().encode(id)));
      }),
    );
  });

  it("refuses names export could not have written", () => {
    expect(idFromFileName("my spec")).toBeNull();
    expect(idFromFileName("a%2f")).toBeNull(); // lower-case escape: not ours
    expect(idFromFileName("%E0%A4")).toBeNull(); // not UTF-8
  });
});
