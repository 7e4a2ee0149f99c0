// Quoted strings: a quoted value is variable, whatever its shape or length. Scanned by hand (quote
// positions via indexOf) because a regex replace() with a callback was a hot spot.
import { PH } from "./classes";

/** Body limit: longer "quoted" spans are more likely unbalanced quotes than one value. */
const MAX_BODY = 512;
const KEY_RE = /^[A-Za-z_$][\w$.-]*$/;
const WS_RE = /\s/;

function isQuote(c: number): boolean {
  return c === 34 || c === 39 || c === 96; // " ' `
}

function isSpace(c: number, s: string, i: number): boolean {
  return c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c > 127 && WS_RE.test(s[i]);
}

/** A quote opens after the start, whitespace or one of `( [ { = : ,` (so `can't` never opens one). */
function opensAfter(s: string, i: number): boolean {
  if (i === 0) return true;
  const c = s.charCodeAt(i - 1);
  return isSpace(c, s, i - 1) || c === 40 || c === 91 || c === 123 || c === 61 || c === 58 || c === 44;
}

/** ...and closes before the end, whitespace or one of `) ] } , ; : . ! ?`. */
function closesBefore(s: string, j: number): boolean {
  if (j + 1 >= s.length) return true;
  const c = s.charCodeAt(j + 1);
  return (
    isSpace(c, s, j + 1) || c === 41 || c === 93 || c === 125 || c === 44 || c === 59 || c === 58 ||
    c === 46 || c === 33 || c === 63
  );
}

/**
 * A quoted value becomes `<*>` inside its quotes: `'foo'`, `"/tmp/x.json"`, `name="two words"`, and
 * multi-word text after `=`/`:` (`detail: "upstream error"`). Kept: double-quoted keys (`"code":`),
 * and other multi-word quoted text, e.g. an HTTP request line `"GET /v2/x HTTP/1.1"`, which is
 * processed word by word instead. A body holds no quote character or newline.
 */
export function maskQuoted(s: string): string {
  let out = "";
  let copied = 0;
  // next position of each quote character at or after the scan point (-1: none left)
  let dq = s.indexOf('"');
  let sq = s.indexOf("'");
  let bq = s.indexOf("`");
  for (let i = 0; ; i++) {
    if (dq >= 0 && dq < i) dq = s.indexOf('"', i);
    if (sq >= 0 && sq < i) sq = s.indexOf("'", i);
    if (bq >= 0 && bq < i) bq = s.indexOf("`", i);
    i = minFound(dq, sq, bq);
    if (i < 0) break;
    const q = s.charCodeAt(i);
    if (!opensAfter(s, i)) continue;
    // the body runs to the next quote character of any kind, which must be the same one
    let j = i + 1;
    let blank = false; // the body has whitespace
    for (; j < s.length && j - i <= MAX_BODY + 1; j++) {
      const c = s.charCodeAt(j);
      if (isQuote(c) || c === 10) break;
      if (!blank && isSpace(c, s, j)) blank = true;
    }
    if (j >= s.length || s.charCodeAt(j) !== q || j - i - 1 > MAX_BODY || !closesBefore(s, j)) continue;
    if (isKey(s, q, i, j) || (blank && !isValuePosition(s, i))) {
      i = j; // kept as is; scanning resumes after the closing quote
      continue;
    }
    out += s.slice(copied, i + 1) + PH;
    copied = j;
    i = j;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

function minFound(a: number, b: number, c: number): number {
  let m = a;
  if (b >= 0 && (m < 0 || b < m)) m = b;
  if (c >= 0 && (m < 0 || c < m)) m = c;
  return m;
}

/** A JSON-style key (`"code": ...`) is schema, not a value. */
function isKey(s: string, q: number, i: number, j: number): boolean {
  return q === 34 && s.charCodeAt(j + 1) === 58 && KEY_RE.test(s.slice(i + 1, j));
}

/** Multi-word text is a value when glued to `=`/`:` or one space after one (`key: "text"`). */
function isValuePosition(s: string, i: number): boolean {
  if (i === 0) return false;
  const c = s.charCodeAt(i - 1);
  if (c === 61 || c === 58) return true;
  return c === 32 && i >= 2 && (s.charCodeAt(i - 2) === 58 || s.charCodeAt(i - 2) === 61);
}
