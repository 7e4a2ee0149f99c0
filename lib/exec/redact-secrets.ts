// Token-like strings in what `patterns exec` records (stderr tail, file contents, inputs) are replaced
// before the event is stored, spooled or sent: a command that prints its key must not publish it.
// Pure (no I/O, no clock), so every rule is a table test and a fast-check property.

export const REDACTED = "[REDACTED]";

interface Rule {
  name: string;
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

/** Names whose value is a secret in `name=value`, `name: value`, `"name": "value"` and `--name value`. */
const SECRET_WORD = String.raw`(?:password|passwd|passphrase|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?)`;
// A name around the word: `db_password`, `AWS_SECRET_ACCESS_KEY`, but not `total_tokens` or `secretary`
// (after the word only a separator may follow). The parts are bounded so the scan stays linear: an
// unbounded `[\w.-]*` before a keyword backtracks quadratically over a long run of word characters.
const SECRET_NAME = String.raw`[A-Za-z0-9_.-]{0,40}${SECRET_WORD}(?:[_.-][A-Za-z0-9_.-]{0,40})?`;
/** Values that name a type or a placeholder rather than hold a secret: `token: string`, `password = process.env.X`. */
const NOT_A_SECRET = String.raw`(?!["']?(?:(?:string|number|boolean|null|undefined|true|false|none|str|int|bool)\b|process\.env|\$\{|\$[A-Z_]|os\.environ|env\(|\[REDACTED\]))`;

const RULES: Rule[] = [
  {
    // A PEM or PGP private key, up to its END line, or to the end of the text when it was cut off.
    name: "private key block",
    pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----|$)/g,
    replace: () => "[REDACTED PRIVATE KEY]",
  },
  {
    // The tail of a key whose BEGIN line fell before the start of the text (a stderr tail cut inside it).
    name: "private key tail",
    pattern: /^[\s\S]*-----END [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----/,
    replace: () => "[REDACTED PRIVATE KEY]",
  },
  {
    name: "authorization header",
    pattern: /\b(authorization\s*[:=]\s*)(?:(bearer|basic|token|digest)\s+)?[^\s,;"']+/gi,
    replace: (_m, head, scheme) => `${head}${scheme ? `${scheme} ` : ""}${REDACTED}`,
  },
  {
    name: "bearer token",
    pattern: /\b(bearer\s+)(?!\[REDACTED\])[A-Za-z0-9._~+/=-]{8,}/gi,
    replace: (_m, head) => `${head}${REDACTED}`,
  },
  {
    name: "credentials in a URL",
    pattern: /\b([a-z][a-z0-9+.-]{0,30}:\/\/[^\s:/@]+:)(?!\[REDACTED\]@)[^\s@/]+@/gi,
    replace: (_m, head) => `${head}${REDACTED}@`,
  },
  {
    name: "secret option",
    pattern: new RegExp(String.raw`(--?${SECRET_NAME}[ \t]+)(?!--?\w)${NOT_A_SECRET}("[^"\n]*"|'[^'\n]*'|[^\s"']+)`, "gi"),
    replace: (_m, head, value) => head + quoted(value),
  },
  {
    name: "secret assignment",
    pattern: new RegExp(String.raw`\b(${SECRET_NAME}["']?[ \t]*[=:][ \t]*)${NOT_A_SECRET}("[^"\n]*"|'[^'\n]*'|[^\s,;&"'}\]]+)`, "gi"),
    replace: (_m, head, value) => head + quoted(value),
  },
  {
    // Tokens with a recognisable prefix: ours (pa_), AWS access key ids, GitHub, OpenAI/Anthropic-style sk-,
    // Stripe, Slack, Google API keys, npm, and JSON Web Tokens.
    name: "known token",
    pattern:
      /\b(pa_|(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)(?=[A-Z0-9]{16}\b)|gh[pousr]_|github_pat_|sk-|[sr]k_(?:live|test)_|xox[abposr]-|AIza|npm_|eyJ(?=[A-Za-z0-9_-]{5,}\.eyJ))[A-Za-z0-9_.-]{16,}/g,
    replace: (_m, prefix) => `${prefix}${REDACTED}`,
  },
  {
    // An AWS secret access key on its own (a CSV export, a pasted pair): 40 characters of base64 mixing upper
    // and lower case with a digit or / or +. A git hash (lower-case hex) or a word has no such mix.
    name: "bare AWS secret key",
    pattern: /(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+]{0,39}[A-Z])(?=[A-Za-z0-9/+]{0,39}[a-z])(?=[A-Za-z0-9/+]{0,39}[0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
    replace: () => REDACTED,
  },
];

/** Keeps the quotes of a quoted value so JSON and YAML stay readable. */
function quoted(value: string): string {
  const q = value[0];
  return q === '"' || q === "'" ? `${q}${REDACTED}${q}` : REDACTED;
}

const SECRET_KEY = new RegExp(String.raw`^${SECRET_NAME}$`, "i");

/** Whether a name (an input's key, an environment variable) says its value is a secret: `db_password`, `API_TOKEN`. */
export function isSecretName(name: string): boolean {
  return name.length <= 120 && SECRET_KEY.test(name);
}

/**
 * A value as it may leave the machine: every string redacted, and the whole value of a key named as a secret
 * replaced (`{ "password": "hunter2" }` has no token-like string in it, only a telling name).
 */
export function redactValue(value: unknown): unknown {
  if (typeof value === "string") return redactSecrets(value);
  if (Array.isArray(value)) return value.map(redactValue);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isSecretName(k) && v !== null && v !== "" ? REDACTED : redactValue(v)]));
  }
  return value;
}

/**
 * The last `maxChars` of a text, redacted before it is cut: a cut made first can split a token from the
 * prefix that makes it recognisable (`ghp_` cut off leaves a bare string). A word the final cut splits is
 * dropped to the next space, so no part of a token too long to be seen whole is kept either.
 */
export function redactedTail(text: string, maxChars: number): string {
  if (maxChars <= 0) return "";
  const redacted = redactSecrets(text);
  if (redacted.length <= maxChars) return redacted;
  const cut = redacted.slice(-maxChars);
  if (/\s/.test(redacted[redacted.length - maxChars - 1]!) || /^\s/.test(cut)) return cut;
  const space = cut.search(/\s/);
  return space < 0 ? "" : cut.slice(space);
}

/** The text with every token-like string replaced; text without one comes back unchanged. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const rule of RULES) out = out.replace(rule.pattern, rule.replace as (m: string, ...rest: unknown[]) => string);
  return out;
}
