// Rules that need a word's neighbours: the name after an entity noun (`for user alice`) and calendar
// words next to numbers (`Sun Jul 17 12:30:48 PDT 2005`), which alone look like ordinary words.

// Nouns whose next word names an instance (`session opened for user alice`, `unknown host db7`).
const ENTITY_NOUNS = new Set(["user", "username", "host", "hostname"]);
// ...unless that next word is grammar or another noun (`user not found`, `host is down`).
const FUNCTION_WORDS = new Set(
  (
    "a an the and or not no is was are were be been being has have had does did do can cannot could will " +
    "would should may might must of in on at to for from by with without as into onto via already still " +
    "unknown account accounts name names id ids session sessions"
  ).split(" "),
);
const NAME_RE = /^[A-Za-z_][\w.-]*$/;

/** Cheap first-letter check before lower-casing a word to look it up. */
export function isEntityNoun(word: string): boolean {
  const c = word.charCodeAt(0) | 32;
  return (c === 117 /* u */ || c === 104) /* h */ && word.length <= 8 && ENTITY_NOUNS.has(word.toLowerCase());
}

/** The word after an entity noun is a value when it is a bare name, not a function word. */
export function isEntityName(word: string): boolean {
  return NAME_RE.test(word) && !FUNCTION_WORDS.has(word.toLowerCase());
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
