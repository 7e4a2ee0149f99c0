// AUTO-008 case transforms: an identifier split into words and re-joined in another style, so one variable
// can stand for `userProfile`, `UserProfile` and `user-profile` alike (docs/file-templates.md, Transforms).

export type CaseTransform = "pascal" | "camel" | "snake" | "kebab" | "constant" | "words" | "title" | "flat";

/** Tried in this order when an occurrence differs from the variable's first (raw) occurrence. */
export const CASE_TRANSFORMS: readonly CaseTransform[] = ["pascal", "camel", "snake", "kebab", "constant", "words", "title", "flat"];

/** `userProfile`, `user-profile`, `USER_PROFILE`, `HTTPServer` → lower-case words. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  for (const chunk of text.split(/[^\p{L}\p{N}]+/u)) {
    if (!chunk) continue;
    for (const w of chunk.match(/\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?[^\p{Lu}]+|\p{Lu}+/gu) ?? []) words.push(w.toLowerCase());
  }
  return words;
}

function capital(word: string): string {
  const [first = "", ...rest] = Array.from(word);
  return first.toUpperCase() + rest.join("");
}

export function applyTransform(transform: CaseTransform | undefined, value: string): string {
  if (!transform) return value;
  const w = splitWords(value);
  switch (transform) {
    case "pascal": return w.map(capital).join("");
    case "camel": return w.map((x, i) => (i === 0 ? x : capital(x))).join("");
    case "snake": return w.join("_");
    case "kebab": return w.join("-");
    case "constant": return w.join("_").toUpperCase();
    case "words": return w.join(" ");
    case "title": return w.map(capital).join(" ");
    case "flat": return w.join("");
  }
}

export function isTransform(name: string): name is CaseTransform {
  return (CASE_TRANSFORMS as readonly string[]).includes(name);
}
