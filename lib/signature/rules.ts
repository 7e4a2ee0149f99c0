// The rules of errorSignature by name, each one a switch. The product runs with every rule on; the names
// exist so an evaluation can switch rules off and measure what each is worth on data it was not shaped by.

/**
 * One name per idea, in pipeline order (docs/signature.md describes each). A rule covers every
 * spelling of its idea: `hostNames` is a host name with or without a port, `entityNames` the name
 * after any entity noun.
 */
export const RULE_NAMES = [
  // whole-message passes (prepare.ts, quotes.ts)
  "stripAnsi",
  "octalQuotes",
  "quotedValues",
  // whole-value classes (classes.ts, mask.ts)
  "numbers",
  "absolutePaths",
  "uuids",
  "prefixedHex",
  "urls",
  "colonHex",
  "hostNames",
  "countryCodeHosts",
  "emails",
  "keyValues",
  "assignedConstants",
  "relativePaths",
  // the word rule for identifiers with digits (mask.ts maskWord)
  "hexBlobs",
  "compoundIds",
  "digitRuns",
  "digitCounts",
  "errorCodes",
  "dotLeaders",
  // rules that read a word's neighbours (context.ts, signature.ts)
  "entityNames",
  "calendarDates",
  "timeZones",
  "units",
  // collapsing (collapse.ts)
  "valueRuns",
  "restatedValues",
  "repeatedPhrases",
] as const;

export type RuleName = (typeof RULE_NAMES)[number];
export type Rules = Readonly<Record<RuleName, boolean>>;

/** Every rule on: what errorSignature uses. */
export const ALL_RULES: Rules = Object.freeze(
  Object.fromEntries(RULE_NAMES.map((name) => [name, true])) as Record<RuleName, boolean>,
);

/** Every rule on except the ones named. */
export function rulesWithout(off: Iterable<RuleName>): Rules {
  const rules = { ...ALL_RULES } as Record<RuleName, boolean>;
  for (const name of off) rules[name] = false;
  return Object.freeze(rules);
}
