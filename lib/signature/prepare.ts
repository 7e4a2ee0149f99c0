// Whole-message passes that run before masking words: cap the length, drop terminal escapes, decode
// octal-escaped quotes, mask quoted values (they may span spaces), and normalise whitespace.
import { maskQuoted } from "./quotes";
import type { Rules } from "./rules";

/** Only this many characters of a message are looked at; the rest cannot change its group. */
export const MAX_INPUT = 2048;

/** Cuts to MAX_INPUT, backing up to the last space so a token cut in half is not kept. */
export function truncate(message: string): string {
  if (message.length <= MAX_INPUT) return message;
  const cut = message.slice(0, MAX_INPUT);
  const space = cut.lastIndexOf(" ");
  return space > MAX_INPUT - 256 ? cut.slice(0, space) : cut;
}

const OCTAL_QUOTE_RE = /\\04([27])/g;
/** `\042` and `\047` (C/syslog octal escapes) become the quote characters they stand for. */
export function decodeOctalQuotes(s: string): string {
  if (s.indexOf("\\04") < 0) return s;
  return s.replace(OCTAL_QUOTE_RE, (_m, d: string) => (d === "2" ? '"' : "'"));
}

const ANSI_RE = /\x1b\[[0-9;?]*[A-Za-z]/g;
/** Terminal colour/cursor codes (CI output) carry no meaning and would glue onto words. */
export function stripAnsi(s: string): string {
  return s.indexOf("\x1b") < 0 ? s : s.replace(ANSI_RE, "");
}

// Whitespace or control characters other than single spaces between words.
const ODD_SPACE_RE = /[^\S ]|[\x00-\x1f\x7f-\x9f]/;
const SPACE_RUN_RE = /[\s\x00-\x1f\x7f-\x9f]+/g;

/**
 * Every run of whitespace or control characters becomes one plain space and the ends are trimmed,
 * so words are separated by exactly one space.
 */
export function normaliseSpace(s: string): string {
  const odd =
    s.charCodeAt(0) === 32 || s.charCodeAt(s.length - 1) === 32 || s.indexOf("  ") >= 0 || ODD_SPACE_RE.test(s);
  return odd ? s.replace(SPACE_RUN_RE, " ").trim() : s;
}

// Anything one of the passes below would act on: control characters (ESC, tabs, newlines), quotes,
// backslashes (octal escapes), whitespace other than a space (the rest of JavaScript's \s, spelt out:
// one character class is twice as fast as an alternation), and doubled spaces (found by includes).
const NEEDS_PREPARE_RE = /[\x00-\x1f\x7f-\x9f"'`\\\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** All whole-message passes, in order; most messages need none of them, which one scan tells. */
export function prepare(message: string, rules: Rules): string {
  let s = truncate(message);
  const n = s.length;
  if (n === 0) return s;
  if (s.charCodeAt(0) !== 32 && s.charCodeAt(n - 1) !== 32 && !NEEDS_PREPARE_RE.test(s) && !s.includes("  ")) return s;
  if (rules.stripAnsi) s = stripAnsi(s);
  if (rules.octalQuotes) s = decodeOctalQuotes(s);
  if (rules.quotedValues) s = maskQuoted(s);
  return normaliseSpace(s);
}
