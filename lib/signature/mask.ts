// Masks one whitespace-free token: peels wrapping punctuation, tries the whole-value classes, then
// splits key=value, delimiters, `host:port`-like and `a/b` forms and applies the word rule to the pieces.
import {
  PH,
  hasDigit,
  isBareHex,
  isColonHex,
  isEmail,
  isHostPort,
  isHostname,
  isAbsolutePath,
  isRelativePath,
  isPrefixedHex,
  isUrl,
  isUuid,
  longestDigitRun,
  startsNumeric,
} from "./classes";
import { ALL_RULES, type Rules } from "./rules";

/** Wrapping punctuation peeled off a token's start: `( [ { " ' \``. */
function isOpener(c: number): boolean {
  return c === 40 || c === 91 || c === 123 || c === 34 || c === 39 || c === 96;
}

/** ...and off its end: `) ] } " ' \` , ; : . ! ?`. */
function isCloser(c: number): boolean {
  return (
    c === 41 || c === 93 || c === 125 || c === 34 || c === 39 || c === 96 ||
    c === 44 || c === 59 || c === 58 || c === 46 || c === 33 || c === 63
  );
}

/**
 * True when nothing in text[start, end) can be variable: no digit, none of `/ \ @ = ' " \``, and a
 * `.` only at the end. Most words of a message pass this and are copied through untouched.
 */
export function isPlainRange(text: string, start: number, end: number): boolean {
  const last = end - 1;
  for (let i = start; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return false; // digit
    if (c === 47 || c === 92 || c === 64 || c === 61 || c === 39 || c === 34 || c === 96) return false;
    if (c === 46 && i !== last) return false; // an inner dot: host name, dotted id, dot leader
  }
  return true;
}

/** Masks a token that may carry wrapping punctuation (`(x)`, `'x',`, `x:`); the wrappers are kept. */
export function maskToken(tok: string, rules: Rules = ALL_RULES): string {
  if (isPlainRange(tok, 0, tok.length)) return tok;
  let a = 0;
  let b = tok.length;
  while (a < b && isOpener(tok.charCodeAt(a))) a++;
  while (b > a && isCloser(tok.charCodeAt(b - 1))) b--;
  if (a === b) return tok;
  const core = tok.slice(a, b);
  const masked = maskCore(core, rules);
  return masked === core ? tok : tok.slice(0, a) + masked + tok.slice(b);
}

const DELIMS_RE = /([,;|(){}[\]])/;
const COLON_AT_RE = /([:@])/;
const SLASH_RE = /([/\\])/;

/** Masks a token without its wrappers. */
export function maskCore(core: string, rules: Rules = ALL_RULES): string {
  if (core === PH) return core;
  if (rules.numbers && startsNumeric(core)) return PH; // numbers, sizes, durations, versions, IPs, ISO dates, times
  if (rules.absolutePaths && isAbsolutePath(core)) return PH;
  if ((rules.uuids && isUuid(core)) || (rules.prefixedHex && isPrefixedHex(core))) return PH;
  const colon = core.indexOf(":");
  if (
    colon >= 0 &&
    ((rules.urls && isUrl(core)) || (rules.colonHex && isColonHex(core)) || (rules.hostNames && isHostPort(core)))
  )
    return PH;
  const dot = core.indexOf(".");
  if (dot > 0 && ((rules.hostNames && isHostname(core, rules.countryCodeHosts)) || (rules.emails && isEmail(core))))
    return PH;
  const eq = rules.keyValues ? core.indexOf("=") : -1;
  if (eq > 0) return maskPairs(core, eq, rules);
  if (DELIMS_RE.test(core)) return splitAndMask(core, DELIMS_RE, rules);
  if (colon >= 0 || core.includes("@")) return splitAndMask(core, COLON_AT_RE, rules);
  if (rules.relativePaths && isRelativePath(core)) return PH;
  if (SLASH_RE.test(core)) return splitAndMask(core, SLASH_RE, rules);
  return maskWord(core, rules);
}

/** Splits on a captured delimiter and masks every piece between delimiters. */
function splitAndMask(core: string, re: RegExp, rules: Rules): string {
  const parts = core.split(re);
  for (let i = 0; i < parts.length; i += 2) {
    if (parts[i].length > 0) parts[i] = maskCore(parts[i], rules);
  }
  return parts.join("");
}

// A `,` `;` or `&` that starts the next pair of a run written without spaces (`a=1,b=2;c=x`).
const NEXT_PAIR_RE = /([,;&])(?=[A-Za-z_][\w.-]*=)/;

/**
 * `key=value`, or a run of pairs glued by `,` `;` `&`: each key stays (it is schema), each value is
 * masked on its own, so the run keeps its keys whatever its values look like.
 */
function maskPairs(core: string, eq: number, rules: Rules): string {
  const key = maskKey(core.slice(0, eq)) + "=";
  const rest = core.slice(eq + 1);
  if (!NEXT_PAIR_RE.test(rest)) return key + (rest.length > 0 ? maskValue(rest, rules) : "");
  const parts = rest.split(NEXT_PAIR_RE); // value, separator, pair, separator, pair, ...
  let out = key + (parts[0].length > 0 ? maskValue(parts[0], rules) : "");
  for (let i = 1; i < parts.length; i += 2) out += parts[i] + maskCore(parts[i + 1], rules);
  return out;
}

// Literal constants that are values when assigned (`enabled=true`), but words elsewhere.
const CONSTANTS = new Set(["true", "false", "True", "False", "TRUE", "FALSE", "null", "None", "nil", "undefined"]);

function maskValue(value: string, rules: Rules): string {
  return rules.assignedConstants && CONSTANTS.has(value) ? PH : maskToken(value, rules);
}

/** A key keeps its name (`a.b.c=` is schema) unless it already holds a placeholder (`<*>x=`). */
function maskKey(key: string): string {
  return key.includes(PH) ? PH : key;
}

const DOT_LEADER_RE = /(\.{2,})/;
// Upper-case prefix and digits names an error class, not an instance: TS2345, CS0103, SQL0204.
const ERROR_CODE_RE = /^[A-Z]{2,4}\d{3,5}$/;
const COMPOUND_SEP_RE = /[-_.+#*~]/;

/**
 * The word rule, for a piece without delimiters. A word with digits is a value when it starts with
 * a digit, is a hex blob, has a run of two or more digits (`bglio23`, `storage1231`, `U01`) or three
 * digits in all (`a1b2c3`), or is a compound joined by `-`, `_`, `.` (`rdd_6_1`, `node-D2`,
 * `root7_local`). A name with one glued digit stays (`eth0`, `alt0`, `log4j`, `utf8`): it names a
 * thing rather than counts one; so does an error code (`TS2345`).
 */
export function maskWord(w: string, rules: Rules = ALL_RULES): string {
  if (!hasDigit(w)) return w;
  if (rules.dotLeaders && w.includes("..")) {
    const parts = w.split(DOT_LEADER_RE);
    for (let i = 0; i < parts.length; i += 2) if (parts[i].length > 0) parts[i] = maskWord(parts[i], rules);
    return parts.join("");
  }
  if (rules.numbers && startsNumeric(w)) return PH;
  if ((rules.hexBlobs && isBareHex(w)) || (rules.compoundIds && COMPOUND_SEP_RE.test(w))) return PH;
  if (rules.errorCodes && ERROR_CODE_RE.test(w)) return w;
  return (rules.digitRuns && longestDigitRun(w) >= 2) || (rules.digitCounts && digitCount(w) >= 3) ? PH : w;
}

function digitCount(w: string): number {
  let n = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}
