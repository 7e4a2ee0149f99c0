// Rules that need a word's neighbours: the name after an entity noun (`for user alice`) and calendar
// words next to numbers (`Sun Jul 17 12:30:48 PDT 2005`), which alone look like ordinary words.

// Nouns whose instances are named by bare words: `session opened for user alice`, `unknown host db`,
// `restarting service nginx`, `domain corp is not served`.
const ENTITY_NOUNS = new Set(["user", "username", "account", "host", "hostname", "server", "service", "domain"]);
// English closed-class words (articles, pronouns, prepositions, conjunctions, auxiliaries, modals,
// negation, particles): after an entity noun they continue the sentence (`user not found`, `host is
// down`, `server for`), they never name it.
const CLOSED_CLASS = new Set(
  (
    "a an the this that these those some any each every all both either neither no not nor none " +
    "i me my we us our you your he him his she her it its they them their who whom whose which what " +
    "and or but if then else so than as because while when where whether though although unless until " +
    "of in on at to for from by with without within into onto upon over under above below about against " +
    "between among through during before after since via per across along around behind beyond near off " +
    "out up down is am are was were be been being has have had having do does did done can cannot could " +
    "will would shall should may might must also already still just only even yet now again here there"
  ).split(" "),
);
// Nouns that form a compound with the noun before them (`user account`, `host key`, `service name`,
// `domain controller`): the pair names a kind of thing, not an instance.
const ATTRIBUTE_NOUNS = new Set(
  (
    "name names id ids identifier key keys account accounts session sessions group groups role roles " +
    "type mode list info data status state config configuration settings profile password credentials " +
    "token certificate address port version number pool agent limit quota error errors request requests " +
    "controller"
  ).split(" "),
);
// A word of this shape after the noun is its predicate (`service started`, `user logging in`,
// `host unreachable`), from English inflection rather than from any list.
const PREDICATE_RE = /^[a-z]{3,}(?:ed|ing|able|ible)$/;
const NAME_RE = /^[A-Za-z_][\w.-]*$/;
const TRAILING_RE = /[.,;:!?)\]}]+$/;

/** Is `word` an entity noun? Case-blind. */
export function isEntityNoun(word: string): boolean {
  return isEntityNounAt(word, 0, word.length);
}

/** Is text[start, end) an entity noun? Its length and first letter are checked before any slicing. */
export function isEntityNounAt(text: string, start: number, end: number): boolean {
  if (end - start < 4 || end - start > 8) return false;
  const c = text.charCodeAt(start) | 32;
  if (c !== 117 && c !== 104 && c !== 115 && c !== 100 && c !== 97) return false; // u h s d a
  return ENTITY_NOUNS.has(text.slice(start, end).toLowerCase());
}

/**
 * The word after an entity noun, when its shape allows a name: a bare identifier that is not a
 * closed-class word, a compound noun or a predicate, and not the second word of a Title Case phrase
 * (`Service Action`, after a capitalised noun). Returns the trailing punctuation to keep after the
 * placeholder (`for user alice.` -> `for user <*>.`), or null when the word is not a name.
 * (Where the word stands in its clause is judged by the caller, signature.ts nameAfterNoun.)
 */
export function entityNameSuffix(word: string, nounCapitalised: boolean): string | null {
  const t = TRAILING_RE.exec(word);
  const core = t === null ? word : word.slice(0, t.index);
  if (core.length === 0 || !NAME_RE.test(core)) return null;
  const c = core.charCodeAt(0);
  if (nounCapitalised && c >= 65 && c <= 90) return null;
  const lower = core.toLowerCase();
  if (CLOSED_CLASS.has(lower) || ATTRIBUTE_NOUNS.has(lower) || ENTITY_NOUNS.has(lower)) return null;
  if (PREDICATE_RE.test(lower)) return null;
  return t === null ? "" : t[0];
}

const MONTHS = new Set(
  (
    "Jan Feb Mar Apr May Jun Jul Aug Sep Sept Oct Nov Dec January February March April June July " +
    "August September October November December"
  ).split(" "),
);
const WEEKDAYS = new Set(
  "Mon Tue Wed Thu Fri Sat Sun Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(" "),
);
const ZONE_RE = /^(?:UTC|GMT|Z|[A-Z]{1,3}T)$/;

/** Drops one trailing `,` or `.` (`Dec,`, `Sept.`). */
function bare(word: string): string {
  const c = word.charCodeAt(word.length - 1);
  return c === 44 || c === 46 ? word.slice(0, -1) : word;
}

function capitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 65 && c <= 90 && word.length >= 3 && word.length <= 10;
}

export function isMonth(word: string): boolean {
  return capitalised(word) && MONTHS.has(bare(word));
}

export function isWeekday(word: string): boolean {
  return capitalised(word) && WEEKDAYS.has(bare(word));
}

/** Time-zone abbreviation (`UTC`, `PDT`, `CEST`), only consulted right after a masked date part. */
export function isZone(word: string): boolean {
  return word.length <= 4 && ZONE_RE.test(word);
}
