// signatureKey / fnv1a64 against a BigInt reference of FNV-1a 64 over UTF-8 (test-only: it is slow).
import { describe, expect, it, test } from "vitest";
import { fnv1a64, signatureKey } from "./hash";

function reference(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, "0");
}

describe("fnv1a64", () => {
  test.each([
    // published FNV-1a 64 test vectors
    ["", "cbf29ce484222325"],
    ["a", "af63dc4c8601ec8c"],
    ["foobar", "85944171f73967e8"],
  ])("%j -> %s", (text, hex) => {
    expect(fnv1a64(text)).toBe(hex);
  });

  test.each([
    "<*> open through proxy <*> HTTPS",
    "héllo wörld",
    "emoji 🎉 and 漢字",
    "x".repeat(5000),
    "\u0000\u007f\u0080\u07ff\u0800\uffff",
  ])("matches the BigInt reference for %j", (text) => {
    expect(fnv1a64(text)).toBe(reference(text));
  });

  it("encodes a lone surrogate as its own three bytes, still 16 hex digits", () => {
    expect(fnv1a64("a\ud800b")).toMatch(/^[0-9a-f]{16}$/);
    expect(fnv1a64("a\ud800b")).not.toBe(fnv1a64("ab"));
  });
});

describe("signatureKey", () => {
  it("is 16 lower-case hex digits, stable and sensitive to every character", () => {
    const key = signatureKey("Connection refused to <*> after <*> retries");
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    expect(signatureKey("Connection refused to <*> after <*> retries")).toBe(key);
    expect(signatureKey("Connection refused to <*> after <*> retrie")).not.toBe(key);
    // pinned: a change of algorithm would regroup stored signatures
    expect(key).toBe(reference("Connection refused to <*> after <*> retries"));
  });

  it("spreads 20,000 distinct templates without a collision", () => {
    const keys = new Set<string>();
    for (let i = 0; i < 20_000; i++) keys.add(signatureKey(`template ${i} <*>`));
    expect(keys.size).toBe(20_000);
  });
});
