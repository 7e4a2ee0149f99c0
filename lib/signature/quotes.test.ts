// maskQuoted: examples, and agreement with a one-regex statement of the same rule.
import fc from "fast-check";
import { describe, expect, it, test } from "vitest";
import { maskQuoted } from "./quotes";

// The rule as one regex (slower: a replace() callback per quote); the scanner must agree with it.
const QUOTED_RE = /(^|[\s([{=:,])(["'`])([^"'`\n]{0,512}?)\2(?=$|[\s)\]},;:.!?])/g;
function reference(s: string): string {
  return s.replace(QUOTED_RE, (m: string, pre: string, q: string, body: string, offset: number) => {
    if (q === '"' && s.charCodeAt(offset + m.length) === 58 && /^[A-Za-z_$][\w$.-]*$/.test(body)) return m;
    const afterSeparator = pre === " " && offset > 0 && /[:=]/.test(s[offset - 1]);
    return pre === "=" || pre === ":" || !/\s/.test(body) || afterSeparator ? pre + q + "<*>" + q : m;
  });
}

describe("maskQuoted", () => {
  test.each([
    ["open '/tmp/x.json'", "open '<*>'"],
    ['say "hi there" now', 'say "hi there" now'],
    ['msg="hi there"', 'msg="<*>"'],
    ['detail: "hi there"', 'detail: "<*>"'],
    ['{"code":"E1"}', '{"code":"<*>"}'],
    ["can't won't", "can't won't"],
    ["(reading 'foo')", "(reading '<*>')"],
    ["''", "'<*>'"],
    ["'a\nb'", "'a\nb'"],
    ["x'y' 'z'w", "x'y' 'z'w"],
  ])("%j -> %j", (input, expected) => {
    expect(maskQuoted(input)).toBe(expected);
  });

  it("agrees with the regex statement of the rule", () => {
    const part = fc.constantFrom("'", '"', "`", " ", "\t", "\n", "a", "b c", "=", ":", "(", ")", ",", ".", "x:", "é", "\u00a0");
    const text = fc.oneof(fc.array(part, { maxLength: 30 }).map((p) => p.join("")), fc.string({ maxLength: 40 }));
    fc.assert(
      fc.property(text, (s) => {
        expect(maskQuoted(s)).toBe(reference(s));
      }),
      { numRuns: 20_000 },
    );
    const long = "'" + "x".repeat(600) + "'";
    expect(maskQuoted(long)).toBe(reference(long));
  });
});
