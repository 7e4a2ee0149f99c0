// Nearest learned signatures: the issue's own example, the order of exact / fits / similar, the
// threshold, and that the wildcard matcher never hangs or throws on any input.
import fc from "fast-check";
import { describe, expect, it, test } from "vitest";
import { errorSignature, signatureKey } from "../signature";
import { buildSignatureIndex, fitsParts, nearestSignatures, type KnownSignature } from "./nearest-signatures";

const known = (signature: string): KnownSignature => ({ key: signatureKey(signature), signature });
const lookup = (signatures: string[], message: string, opts = {}) => {
  const template = errorSignature(message);
  return nearestSignatures(buildSignatureIndex(signatures.map(known)), { message, template, key: signatureKey(template) }, opts);
};

describe("fitsParts", () => {
  test.each<[string, string, boolean]>([
    ["Timeout after 30s waiting for db", "Timeout after <*> waiting for <*>", true],
    ["Timeout after  waiting for db", "Timeout after <*> waiting for <*>", false], // a placeholder is at least one character
    ["Timeout after 30s waiting for", "Timeout after <*> waiting for <*>", false],
    ["<*>ms", "<*>ms", true],
    ["abc", "abc", true],
    ["abcd", "abc", false],
    ["x-1-y", "<*>-<*>", true],
    ["a--b", "a<*><*>b", true],
    ["ab", "a<*><*>b", false],
  ])("%j fits %j: %s", (text, template, expected) => expect(fitsParts(text, template.split("<*>"))).toBe(expected));

  it("agrees with the equivalent regex on any text", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b", "-"), { maxLength: 4 }), fc.string({ maxLength: 12 }), (parts, text) => {
        const t = [...parts, ""].slice(0, Math.max(1, parts.length));
        const re = new RegExp(`^${t.map((p) => p.replace(/-/g, "\\-")).join(".+")}$`, "s");
        expect(fitsParts(text, t)).toBe(re.test(text));
      }),
    );
  });
});

describe("nearestSignatures", () => {
  it("finds a learned signature that a message fits although its own template differs (issue 13)", () => {
    expect(errorSignature("Timeout after 30s waiting for db")).not.toBe("Timeout after <*> waiting for <*>");
    const [hit] = lookup(["Timeout after <*> waiting for <*>", "Disk quota exceeded on volume <*>"], "Timeout after 30s waiting for db");
    expect(hit).toMatchObject({ signature: "Timeout after <*> waiting for <*>", match: "fits", similarity: 1 });
    expect(hit!.how).toMatch(/fits this signature \(6 of 6 words agree\)/);
  });

  it("puts the exact signature first, then the ones the message fits, the most specific first, then similar ones", () => {
    const hits = lookup(
      ["Timeout after <*> waiting for <*>", "Timeout after <*> waiting for db", "Timeout after <*> <*> for <*>", "Timeout after <*> waiting on cache db"],
      "Timeout after 30s waiting for db",
      { limit: 5 },
    );
    expect(hits.map((h) => [h.signature, h.match])).toEqual([
      ["Timeout after <*> waiting for db", "exact"],
      ["Timeout after <*> waiting for <*>", "fits"],
      ["Timeout after <*> <*> for <*>", "fits"],
      ["Timeout after <*> waiting on cache db", "similar"],
    ]);
    expect(hits[3]!.similarity).toBeCloseTo((2 * 5) / 13, 3);
    expect(hits[3]!.how).toBe("5 of 7 words agree");
  });

  test.each<[number, number]>([
    [0.6, 1],
    [0.9, 0],
  ])("a similar signature counts from minSimilarity %s (%i found)", (minSimilarity, found) => {
    expect(lookup(["connection reset by peer on <*> during handshake"], "connection reset by peer on 10.0.0.1 after handshake", { minSimilarity })).toHaveLength(found);
  });

  it("never matches on placeholders alone, nor on nothing shared", () => {
    expect(lookup(["<*> <*> <*>"], "a b c")).toEqual([]);
    expect(lookup(["Disk quota exceeded on volume <*>"], "Timeout after 30s waiting for db")).toEqual([]);
  });

  it("answers at most `limit` and none for limit 0", () => {
    const sigs = Array.from({ length: 10 }, (_, i) => `Timeout after <*> waiting for <*> step${i}`);
    expect(lookup(sigs, "Timeout after 30s waiting for db step3", { limit: 2 })).toHaveLength(2);
    expect(lookup(sigs, "Timeout after 30s waiting for db step3", { limit: 0 })).toEqual([]);
  });

  it("never throws and keeps similarity in [0, 1] for any message", () => {
    const index = buildSignatureIndex(["Timeout after <*> waiting for <*>", "ENOENT: no such file <*>", "<*>"].map(known));
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (message) => {
        const template = errorSignature(message);
        for (const h of nearestSignatures(index, { message, template, key: signatureKey(template) })) {
          expect(h.similarity).toBeGreaterThanOrEqual(0);
          expect(h.similarity).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
