// Post-passes over the masked tokens that make templates shape-agnostic: a unit after a value joins
// it, runs and lists of values become one placeholder, and a repeated value-bearing phrase is kept once.
import { PH } from "./classes";
import { ALL_RULES, type Rules } from "./rules";

const UNITS = new Set(
  (
    "b B byte bytes Bytes k K kb KB kB Kb KiB m M mb MB MiB g G gb GB GiB tb TB TiB pb PB " +
    "ns us µs μs ms s sec secs second seconds min mins minute minutes h hr hrs hour hours d day days " +
    "% Hz kHz MHz GHz bit bits kbit Mbit Gbit bps kbps Kbps Mbps Gbps"
  ).split(" "),
);
const TRAILING_PUNCT = ",;:.!?)]}";

/**
 * If `tok` is a unit word or a rate of two (`MB/s`, `KiB/sec`), optionally with trailing
 * punctuation, the punctuation; otherwise null.
 */
export function unitSuffix(tok: string): string | null {
  let end = tok.length;
  while (end > 0 && TRAILING_PUNCT.includes(tok[end - 1])) end--;
  if (end === 0) return null;
  const unit = end === tok.length ? tok : tok.slice(0, end);
  if (UNITS.has(unit)) return tok.slice(end);
  const slash = unit.indexOf("/");
  if (slash <= 0 || !UNITS.has(unit.slice(0, slash)) || !UNITS.has(unit.slice(slash + 1))) return null;
  return tok.slice(end);
}

/** A value of size or time with a parenthesised restatement (`10542 bytes (10.2 KB)`, `1.2.3.4 (host)`, `x ()`). */
const RESTATED_RE = /<\*> ?[([](?:<\*>)?[)\]]/g;
/** Placeholders separated only by spaces or list/field punctuation: `<*>:<*>`, `<*>, <*>`, `<*> - <*>`. */
const RUN_RE = /<\*>(?:[\s,;:./\\\-_+|@#~=]*<\*>)+/g;

const MERGEABLE_RE = /<\*>(?:[\s,;:./\\\-_+|@#~=]*<\*>| ?[([](?:<\*>)?[)\]])/;

/** Value runs and restated values (rules `valueRuns`, `restatedValues`) become one placeholder. */
export function mergeRuns(s: string, rules: Rules = ALL_RULES): string {
  if (!rules.valueRuns && !rules.restatedValues) return s;
  for (let i = 0; i < 8 && MERGEABLE_RE.test(s); i++) {
    const before = s;
    if (rules.restatedValues) s = s.replace(RESTATED_RE, PH);
    if (rules.valueRuns) s = s.replace(RUN_RE, PH);
    if (s === before) break;
  }
  return s;
}

const MAX_GRAM = 6;

function sameGram(t: string[], a: number, b: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (t[a + k] !== t[b + k]) return false;
  return true;
}

/**
 * Variable-length lists written as repeated phrases (`node-1 <ok> node-2 <ok> ...`,
 * `(7) iar 0x1, dear 0x2 (8) iar ...`): a phrase of up to six tokens holding a placeholder that
 * repeats back to back is kept once.
 */
export function collapseRepeats(tokens: string[]): string[] {
  let t = tokens;
  for (let n = 1; n <= MAX_GRAM; n++) {
    if (t.length < 2 * n) break;
    const out: string[] = [];
    let i = 0;
    while (i < t.length) {
      if (i + 2 * n <= t.length && sameGram(t, i, i + n, n) && gramHasPlaceholder(t, i, n)) {
        // emit one copy, then skip every further back-to-back copy
        for (let k = 0; k < n; k++) out.push(t[i + k]);
        i += n;
        while (i + n <= t.length && sameGram(t, i - n, i, n)) i += n;
        continue;
      }
      out.push(t[i]);
      i++;
    }
    t = out;
  }
  return t;
}

function gramHasPlaceholder(t: string[], a: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (t[a + k].includes(PH)) return true;
  return false;
}

/**
 * Whether collapseRepeats would change the text's words, decided on the text itself: word offsets
 * are found with indexOf and phrases compared in place, so the common no-repeat case allocates
 * nothing but two small number arrays.
 */
export function hasRepeat(s: string): boolean {
  // a repeat needs two placeholders; most templates have fewer, which two indexOf calls tell
  const first = s.indexOf(PH);
  if (first < 0 || s.indexOf(PH, first + PH.length) < 0) return false;
  // ws[k] = offset of word k; ws[W] = s.length + 1, so word k is s[ws[k], ws[k + 1] - 1)
  const ws: number[] = [0];
  for (let sp = s.indexOf(" "); sp >= 0; sp = s.indexOf(" ", sp + 1)) ws.push(sp + 1);
  const words = ws.length;
  ws.push(s.length + 1);
  if (words < 2) return false;
  const holders: number[] = []; // indexes of words holding a placeholder
  let w = 0;
  for (let at = s.indexOf(PH); at >= 0; at = s.indexOf(PH, at + 3)) {
    while (ws[w + 1] <= at) w++;
    if (holders.length === 0 || holders[holders.length - 1] !== w) holders.push(w);
  }
  for (let b = 1; b < holders.length; b++) {
    const q = holders[b];
    for (let a = b - 1; a >= 0 && q - holders[a] <= MAX_GRAM; a--) {
      const p = holders[a];
      const n = q - p;
      if (!samePhrase(s, ws, p, q, 1)) continue;
      // p and q would sit at the same place in two back-to-back copies of an n-word phrase
      for (let i = Math.max(0, p - n + 1); i <= p; i++) {
        if (i + 2 * n <= words && samePhrase(s, ws, i, i + n, n)) return true;
      }
    }
  }
  return false;
}

/** Are the n words starting at word i and at word j the same text? */
function samePhrase(s: string, ws: number[], i: number, j: number, n: number): boolean {
  const len = ws[i + n] - ws[i];
  if (ws[j + n] - ws[j] !== len) return false;
  for (let k = 0; k < len - 1; k++) if (s.charCodeAt(ws[i] + k) !== s.charCodeAt(ws[j] + k)) return false;
  return true;
}
