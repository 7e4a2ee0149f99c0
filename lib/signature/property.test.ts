// Properties of errorSignature over generated strings: total, deterministic, idempotent, bounded.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collapseRepeats, hasRepeat } from "./collapse";
import { isEntityNoun } from "./context";
import { MAX_INPUT, errorSignature } from "./index";

// Fragments that exercise the rules (and their interactions) far more often than random text does.
const fragment = fc.constantFrom(
  " ", "  ", "\t", "\n", "<*>", "<", ">", "*", "(", ")", "[", "]", "{", "}", "'", '"', "`", ",", ".", "..",
  ":", "=", "/", "\\", "@", "-", "_", "#", "~", "%", "|", "0", "12", "0x1f", "3.5", "-7", "KB", "ms", "s",
  "user", "host", "Jul", "Sun", "PDT", "2005", "10.0.0.1", "10.0.0.1:80", "a.b.com", "x", "Error", "true",
  "\\042", "\u001b[31m", "é", "🎉", "foo_1", "node-7", "abc123def", "deadbeef01", "/tmp/a.json", "http://h/x",
  "a@b.io", "8f14e45f-ceea-467a-9af0-3c4c2a2b1f1d", "for", "service", "domain", "started", "MB/s", "a=1,b=2;c=x",
);
const message = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join("")),
);
// Short runs of glued fragments: where masking one part creates structure another rule sees
// (`=12)=`, `"0x1f'<*>.\042`), which random text almost never hits.
const glued = fc
  .array(
    fc.constantFrom("<*>", "=", "'", '"', "`", ")", "(", "|", "[", "]", ",", ".", ":", "/", "-", "_", "x", "ab",
      "1", "12", "0x1f", "3.5", "KB", " ", "\\042", "é", "user", "Jul", "abc123", "a.b.com", "for ", "&", ";"),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));
const RUNS = 3000;

describe("errorSignature properties", () => {
  it("never throws and returns a string", () => {
    fc.assert(fc.property(message, (m) => typeof errorSignature(m) === "string"), { numRuns: RUNS });
  });

  it("is deterministic", () => {
    fc.assert(fc.property(message, (m) => errorSignature(m) === errorSignature(m)), { numRuns: RUNS });
  });

  it("is idempotent: a template is its own template", () => {
    const idempotent = (m: string) => {
      const t = errorSignature(m);
      expect(errorSignature(t)).toBe(t);
    };
    fc.assert(fc.property(message, idempotent), { numRuns: RUNS });
    fc.assert(fc.property(glued, idempotent), { numRuns: 20_000 });
  });

  it("bounds the output, even for long inputs", () => {
    const long = fc.array(fragment, { minLength: 200, maxLength: 1500 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(message, long), (m) => errorSignature(m).length <= MAX_INPUT),
      { numRuns: 500 },
    );
  });

  it("has single spaces between words and none at the ends", () => {
    fc.assert(
      fc.property(message, (m) => {
        const t = errorSignature(m);
        return !/\s\s|^\s|\s$|[^\S ]/.test(t);
      }),
      { numRuns: RUNS },
    );
  });

  it("leaves text without digits, quotes, paths or dates alone (bar whitespace)", () => {
    const word = fc.stringMatching(/^[a-z]{1,8}$/).filter((w) => !isEntityNoun(w));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), (words) => {
        expect(errorSignature(words.join("  "))).toBe(words.join(" "));
      }),
      { numRuns: 500 },
    );
  });
});

describe("hasRepeat", () => {
  it("is true exactly when collapseRepeats changes the words", () => {
    const word = fc.constantFrom("<*>", "a", "b", "(<*>)", "x=<*>", "");
    fc.assert(
      fc.property(fc.array(word, { maxLength: 24 }), (words) => {
        const changed = collapseRepeats(words).length !== words.length;
        expect(hasRepeat(words.join(" "))).toBe(changed);
      }),
      { numRuns: 5000 },
    );
  });
});
