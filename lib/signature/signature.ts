// errorSignature: the stateless message -> template function. Pure and deterministic, one
// configuration for every source. Pipeline: prepare (whole message) -> mask words -> collapse runs.
// templateWith runs the same pipeline with some rules switched off, for evaluations (rules.ts).
import { PH, startsNumeric } from "./classes";
import { collapseRepeats, hasRepeat, mergeRuns, unitSuffix } from "./collapse";
import { entityNameSuffix, isEntityNounAt, isMonth, isWeekday, isZone } from "./context";
import { maskToken } from "./mask";
import { MAX_INPUT, prepare } from "./prepare";
import { ALL_RULES, type Rules } from "./rules";

/** No unit (with its punctuation: `seconds,`, `KiB/sec.`) is longer; longer words skip the lookup. */
const MAX_UNIT_LENGTH = 9;

/**
 * Turns a log/error message into its template: every variable part becomes `<*>` (classes in
 * docs/signature.md). Messages of one kind share a template even when their values differ in number
 * or shape. Only the first MAX_INPUT characters are looked at.
 *
 * Words are scanned in place: a run of unchanged words is copied with one slice, so a message with
 * few values costs few allocations.
 */
export function errorSignature(message: string): string {
  return templateWith(message, ALL_RULES);
}

/** errorSignature with only the rules switched on in `rules` (all on: errorSignature itself). */
export function templateWith(message: string, rules: Rules): string {
  const template = signatureOnce(message, rules);
  if (template === message || settled) return template;
  // A template must be its own template. Masking can create new structure (quotes that now pair
  // up, a `key=` whose value merged into it), so a template that may hold some goes round once
  // more; in the rare case that changes it too, it goes round until it stops changing (bounded).
  let t = template;
  for (let i = 0; i < 4; i++) {
    const again = signatureOnce(t, rules);
    if (again === t) break;
    t = again;
  }
  return t;
}

/**
 * Set by signatureOnce: its result is certainly its own template, so the round that checks it can
 * be skipped. True when the pass only put whole placeholders (with wrapping punctuation) in place of
 * words, on text that needed no preparation, and nothing merged: nothing new for a round to find.
 */
let settled = false;

function signatureOnce(message: string, rules: Rules): string {
  const text = prepare(message, rules);
  let simple = text === message; // no quotes masked, no whitespace or length changes
  const n = text.length;
  let out = ""; // output so far, up to `copied` in text
  let copied = 0; // text[copied, start) is unchanged and not yet in `out`
  let lastIsValue = false; // the previous output word ends with a placeholder
  // after an entity noun: 0 not, else NOUN_LOWER or NOUN_CAPITALISED, plus NOUN_OPENS when it opens a clause
  let afterEntityNoun = 0;
  let clauseStart = true; // this word starts the message or a clause (`...; user unknown`)
  let dateWords = 0; // words left in which a time-zone abbreviation still belongs to a date
  let values = 0;
  for (let start = 0; start < n; ) {
    // find the word's end and whether it is plain (see isPlainRange) in one pass
    let end = start;
    let plain = true;
    let firstDot = -1;
    for (; end < n; end++) {
      const c = text.charCodeAt(end);
      if (c === 32) break;
      if (plain && (c <= 64 || c === 92 || c === 96)) {
        if (c >= 48 && c <= 57) plain = false; // digit
        else if (c === 47 || c === 64 || c === 61 || c === 39 || c === 34 || c === 92 || c === 96) plain = false;
        else if (c === 46 && firstDot < 0) firstDot = end;
      }
    }
    if (firstDot >= 0 && firstDot !== end - 1) plain = false; // an inner dot
    const next = end + 1;
    let m: string | null = null; // replacement for this word, null when it stays
    const c0 = text.charCodeAt(start);
    if (rules.units && lastIsValue && end - start <= MAX_UNIT_LENGTH && mayStartUnit(c0)) {
      // `30 s`, `512.00 MB,`, `(10.2 KB)`, `3.2 MB/s`: a unit joins the value before it
      const suffix = unitSuffix(text.slice(start, end));
      if (suffix !== null) {
        out += suffix;
        copied = end;
        lastIsValue = suffix.length === 0;
        afterEntityNoun = 0;
        clauseStart = endsClause(text, end);
        if (dateWords > 0) dateWords--;
        start = next;
        continue;
      }
    }
    if (plain) {
      // only the context rules can change a plain word; each has a cheap first-letter gate
      if (afterEntityNoun || (c0 >= 65 && c0 <= 90) || lastIsValue || dateWords > 0) {
        const word = text.slice(start, end);
        const suffix = afterEntityNoun > 0 ? nameAfterNoun(text, word, end, afterEntityNoun) : null;
        if (suffix !== null) m = PH + suffix;
        else if (rules.calendarDates && isMonth(word) && (lastIsValue || startsNumeric(wordAt(text, next)))) {
          m = PH; // `Jul 17 ...`, `4 Dec 2005`: the month is part of a date
          dateWords = 4;
        } else if (
          rules.calendarDates &&
          isWeekday(word) &&
          (startsNumeric(wordAt(text, next)) || isMonth(wordAt(text, next)))
        )
          m = PH;
        else if (rules.timeZones && dateWords > 0 && lastIsValue && isZone(word)) m = PH;
      }
      afterEntityNoun =
        rules.entityNames && isEntityNounAt(text, start, end)
          ? (c0 <= 90 ? NOUN_CAPITALISED : NOUN_LOWER) | (clauseStart ? NOUN_OPENS : 0)
          : 0;
    } else {
      const word = text.slice(start, end);
      const suffix = afterEntityNoun > 0 ? nameAfterNoun(text, word, end, afterEntityNoun) : null;
      const masked = suffix !== null ? PH + suffix : maskToken(word, rules);
      if (masked !== word) m = masked;
      afterEntityNoun = 0;
    }
    clauseStart = endsClause(text, end);
    if (dateWords > 0) dateWords--;
    if (m !== null) {
      if (simple && m !== PH && !isBarePlaceholder(m)) simple = false;
      values++;
      out += text.slice(copied, start) + m;
      copied = end;
      lastIsValue = m.endsWith(PH);
    } else {
      lastIsValue = false;
    }
    start = next;
  }
  // prepare may have masked quoted values: those take part in collapsing like any other
  if (values === 0 && (text === message || text.indexOf(PH) < 0)) {
    settled = text === message;
    return text;
  }
  if (copied < n) out += text.slice(copied);
  const finished = finish(out, rules);
  settled = simple && finished === out && finished.length <= MAX_INPUT;
  return finished;
}

const WRAPPERS = "()[]{},;:.!?";

/** A placeholder with only wrapping punctuation around it (`(<*>),`, `<*>:`), no quotes or letters. */
function isBarePlaceholder(m: string): boolean {
  for (let i = 0; i < m.length; i++) {
    if (m.startsWith(PH, i)) i += PH.length - 1;
    else if (!WRAPPERS.includes(m[i])) return false;
  }
  return true;
}

const NOUN_LOWER = 1;
const NOUN_CAPITALISED = 2;
const NOUN_OPENS = 4;

/**
 * The word after an entity noun (ending at `end`) names the entity: `for user alice`, `restarting
 * service nginx`, `User alice logged in`. When the noun opens the clause and this word closes it, the
 * word says something about the noun instead (`User unknown`, `check pass; user unknown`, `Server
 * busy, retrying`). Returns the punctuation to keep after the placeholder, or null (context.ts).
 */
function nameAfterNoun(text: string, word: string, end: number, noun: number): string | null {
  const closes = end >= text.length || endsClause(text, end) || text.charCodeAt(end - 1) === 44; // `,`
  if ((noun & NOUN_OPENS) !== 0 && closes) return null;
  return entityNameSuffix(word, (noun & NOUN_CAPITALISED) !== 0);
}

/** Units start with a letter, `%`, or a non-ASCII letter (`µs`). */
function mayStartUnit(c: number): boolean {
  return ((c | 32) >= 97 && (c | 32) <= 122) || c === 37 || c > 127;
}

/** Does the word ending at `end` close a clause (`:`, `;`, `.`, `!`, `?`, or a lone dash or bar)? */
function endsClause(text: string, end: number): boolean {
  const c = text.charCodeAt(end - 1);
  if (c === 58 || c === 59 || c === 46 || c === 33 || c === 63) return true;
  return (c === 45 || c === 124) && (end === 1 || text.charCodeAt(end - 2) === 32 || text.charCodeAt(end - 2) === c);
}

/** The word starting at `start` (empty past the end). */
function wordAt(text: string, start: number): string {
  if (start >= text.length) return "";
  const end = text.indexOf(" ", start);
  return text.slice(start, end < 0 ? text.length : end);
}

/** Merge value runs and repeated phrases until nothing changes, so the result is a fixed point. */
function finish(s: string, rules: Rules): string {
  for (let i = 0; i < 4; i++) {
    s = mergeRuns(s, rules);
    if (!rules.repeatedPhrases || !hasRepeat(s)) break;
    const words = s.split(" ");
    const collapsed = collapseRepeats(words);
    if (collapsed.length === words.length) break;
    s = collapsed.join(" ");
  }
  return s;
}
