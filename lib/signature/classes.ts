// Recognisers for whole-value variable classes (URL, path, e-mail, UUID, IP, MAC, hostname, hex).
// Hand-written char scans where a regex would be slow; each takes one token with its wrappers removed.

/** The single placeholder every variable part becomes. */
export const PH = "<*>";

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isHexCode(c: number): boolean {
  return isDigitCode(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

export function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isDigitCode(s.charCodeAt(i))) return true;
  return false;
}

/** Starts like a number: optional sign, comparison or `#`, then a digit ("42", "-3", "<1", "#7", "3.5s"). */
export function startsNumeric(s: string): boolean {
  let c = s.charCodeAt(0);
  if (c === 45 || c === 43 || c === 60 || c === 62 || c === 126 || c === 35) c = s.charCodeAt(1);
  return isDigitCode(c);
}

/** Longest run of consecutive digits. */
export function longestDigitRun(s: string): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    if (isDigitCode(s.charCodeAt(i))) {
      run++;
      if (run > best) best = run;
    } else run = 0;
  }
  return best;
}

/** Hex blob without prefix: at least 7 hex chars, at least one digit, one letter case (as in hashes, addresses). */
export function isBareHex(s: string): boolean {
  if (s.length < 7) return false;
  let digit = false;
  let lower = false;
  let upper = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isHexCode(c)) return false;
    if (isDigitCode(c)) digit = true;
    else if (c >= 97) lower = true;
    else upper = true;
  }
  return digit && !(lower && upper);
}

/** `0x`-prefixed hex, optionally followed by more whitespace-free hex words are handled per token. */
export function isPrefixedHex(s: string): boolean {
  if (s.length < 3 || s.charCodeAt(0) !== 48 || (s[1] !== "x" && s[1] !== "X")) return false;
  for (let i = 2; i < s.length; i++) if (!isHexCode(s.charCodeAt(i))) return false;
  return true;
}

const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
export function isUuid(s: string): boolean {
  return s.length === 36 && UUID_RE.test(s);
}

/** MAC / colon-grouped hex (`FF:F2:9F:15:7E:6E`, IPv6 `fe80::1`), at least three groups. */
const COLON_HEX_RE = /^(?:[0-9a-fA-F]{0,4}:){2,}[0-9a-fA-F]{1,4}(?:%\w+)?$/;
export function isColonHex(s: string): boolean {
  return COLON_HEX_RE.test(s) && hasDigit(s);
}

export function isUrl(s: string): boolean {
  const i = s.indexOf("://");
  return i > 0 && i < 20 && isLetterCode(s.charCodeAt(0));
}

const EMAIL_RE = /^[\w.!#$%&*+=?^~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
export function isEmail(s: string): boolean {
  return s.indexOf("@") > 0 && EMAIL_RE.test(s);
}

const FILE_EXT_RE = /\.[A-Za-z][A-Za-z0-9]{0,7}$/;
/** Absolute or explicitly relative file-system path: `/a`, `~/a`, `./a`, `../a`, `C:\a`, `\\srv\a`. */
export function isAbsolutePath(s: string): boolean {
  const c0 = s[0];
  if (c0 === "/") return s.length > 1 && s !== "//";
  if (c0 === "~" && s[1] === "/") return true;
  if (c0 === "." && (s[1] === "/" || (s[1] === "." && s[2] === "/"))) return true;
  if (c0 === "\\" && s[1] === "\\") return s.length > 2;
  return s.length > 2 && s[1] === ":" && s[2] === "\\" && isLetterCode(s.charCodeAt(0));
}

/** Bare relative path: two or more separators (`a/b/c`), or one and a file extension (`src/a.ts`). */
export function isRelativePath(s: string): boolean {
  let slashes = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === "/" || ch === "\\") slashes++;
  }
  if (slashes === 0) return false;
  if (s.endsWith("/")) return slashes >= 2;
  return slashes >= 2 || FILE_EXT_RE.test(s);
}

// Common top-level domains. Deliberately left out: ones that read as file extensions or words in
// code (py, js, rs, sh, md, so, cc, pl, pt, id, in, is, go, ts, cs, ml, app), which would turn
// `main.rs`, `Makefile.in` or `Xcode.app` into a host.
const TLDS = new Set(
  (
    "com net org edu gov mil int io co us uk de fr jp cn ru br au ca nl eu ch it es se no fi dk be at cz " +
    "kr tw hk sg nz za mx ar ie il gr ro hu ua tr vn th my ph ir sk si lt lv ee hr bg by kz " +
    "info biz me tv xyz site online tech dev cloud ai local localdomain internal lan corp home arpa"
  ).split(" "),
);

const HOST_LABELS_RE = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+([A-Za-z]{2,13})\.?$/;
// Second-level labels under a country code (`edu.pl`, `co.uk`, `com.au`): the pair marks a host even
// when the country code alone is left out of TLDS.
const SECOND_LEVEL = new Set(["ac", "co", "com", "edu", "gov", "mil", "ne", "net", "or", "org"]);

/**
 * Dotted host name ending in a known top-level domain (`db.example.com`, `82-68-1-2.dsl.zen.co.uk`);
 * with `countryCodes`, also any two-letter country code under a second-level label (`wsi.edu.pl`).
 */
export function isHostname(s: string, countryCodes = true): boolean {
  const m = HOST_LABELS_RE.exec(s);
  if (m === null) return false;
  const tld = m[1].toLowerCase();
  if (TLDS.has(tld)) return true;
  if (!countryCodes || tld.length !== 2) return false;
  const labels = s.split(".");
  return labels.length >= 3 && SECOND_LEVEL.has(labels[labels.length - 2].toLowerCase());
}

// Source and data file extensions: `index.js:42` is a file and line, not a host and port.
const FILE_EXTS = new Set(
  (
    "js mjs cjs ts tsx jsx mts cts py rb go rs java kt kts scala c h cc cpp hpp cs php swift m mm " +
    "json yaml yml toml xml html htm css scss vue svelte sh bash sql log txt md ini cfg conf lock"
  ).split(" "),
);
const HOST_PORT_RE = /^([A-Za-z0-9.-]+):(\d{2,5})$/;

/**
 * `host:port` with a dotted host (an IP, `bx.optimix.asia:443`, not a `file.ext:line`) or
 * `localhost`. A bare word before a colon stays a word: `line:42` and `step:42` must not collapse.
 */
export function isHostPort(s: string): boolean {
  const m = HOST_PORT_RE.exec(s);
  if (m === null) return false;
  const host = m[1];
  if (host === "localhost") return true;
  const dot = host.lastIndexOf(".");
  if (dot <= 0 || dot === host.length - 1 || host[0] === "." || host[0] === "-") return false;
  return !FILE_EXTS.has(host.slice(dot + 1).toLowerCase());
}
