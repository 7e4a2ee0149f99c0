// The learned error signatures nearest to a new message, pure: a message whose template differs from
// every learned one by a single value ("... waiting for db" against "... waiting for <*>") should still
// find that signature's fixes, and say how near it is. An index over the signatures' literal words
// keeps a lookup to the few signatures that share words with the message.
import { PLACEHOLDER } from "../signature";

export interface KnownSignature {
  key: string;
  signature: string;
}

/** How a learned signature relates to the message: the same template, one the message fits, or alike. */
export type SignatureMatch = "exact" | "fits" | "similar";

export interface NearSignature extends KnownSignature {
  match: SignatureMatch;
  /** Share of words that agree, in [0, 1] (Dice over the aligned words; a `<*>` agrees with any word). */
  similarity: number;
  /** The nearness in words, e.g. "5 of 6 words agree; the message fits this signature". */
  how: string;
}

interface Entry extends KnownSignature {
  words: Word[];
  /** The whole signature cut at its `<*>`s, to tell whether a message fits it. */
  parts: string[];
}

/** A word, and when it holds a `<*>` its literal parts (see fitsParts). */
type Word = { text: string; parts: string[] | null };

export interface SignatureIndex {
  entries: Entry[];
  byWord: Map<string, number[]>;
  byKey: Map<string, number>;
}

/** Longer messages are compared on their first words only: enough to tell signatures apart. */
const MAX_WORDS = 64;
/** At most this many signatures sharing the most words with the message are aligned word by word. */
const MAX_ALIGNED = 64;
export const NEAR_DEFAULTS = { limit: 3, minSimilarity: 0.6 } as const;

/**
 * Whether `text` fits a template cut at its placeholders (`parts`), each placeholder standing for one
 * or more characters. Each literal part is taken at its leftmost place, which is never worse than a
 * later one, so this is linear in the text per part: no regex, no backtracking on a 16 KiB message.
 */
export function fitsParts(text: string, parts: readonly string[]): boolean {
  if (parts.length === 1) return text === parts[0];
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (!text.startsWith(first)) return false;
  let at = first.length;
  for (let p = 1; p < parts.length - 1; p++) {
    const found = text.indexOf(parts[p]!, at + 1);
    if (found < 0) return false;
    at = found + parts[p]!.length;
  }
  return text.length - last.length >= at + 1 && text.endsWith(last);
}

function wordsOf(template: string): Word[] {
  return template
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, MAX_WORDS)
    .map((text) => ({ text, parts: text.includes(PLACEHOLDER) ? text.split(PLACEHOLDER) : null }));
}

export function buildSignatureIndex(known: readonly KnownSignature[]): SignatureIndex {
  const index: SignatureIndex = { entries: [], byWord: new Map(), byKey: new Map() };
  for (const k of known) {
    if (index.byKey.has(k.key)) continue;
    const i = index.entries.length;
    const words = wordsOf(k.signature);
    index.entries.push({ ...k, words, parts: k.signature.trim().split(PLACEHOLDER) });
    index.byKey.set(k.key, i);
    for (const w of new Set(words.filter((x) => !x.parts).map((x) => x.text))) {
      const list = index.byWord.get(w);
      if (list) list.push(i);
      else index.byWord.set(w, [i]);
    }
  }
  return index;
}

function agree(a: Word, b: Word): boolean {
  if (a.text === b.text) return true;
  // a word with a `<*>` agrees with a word it could have been made from, on either side
  return (b.parts !== null && a.parts === null && fitsParts(a.text, b.parts)) || (a.parts !== null && b.parts === null && fitsParts(b.text, a.parts));
}

/** Words aligned in order (longest common subsequence under `agree`), and how many literal ones agree. */
function align(q: Word[], k: Word[]): { agreed: number; literal: number } {
  const cols = k.length + 1;
  const dp = new Uint16Array((q.length + 1) * cols);
  const lit = new Uint16Array((q.length + 1) * cols);
  for (let i = 1; i <= q.length; i++) {
    for (let j = 1; j <= k.length; j++) {
      const here = i * cols + j;
      const up = (i - 1) * cols + j;
      const left = i * cols + j - 1;
      if (agree(q[i - 1]!, k[j - 1]!)) {
        const diag = (i - 1) * cols + j - 1;
        dp[here] = dp[diag]! + 1;
        lit[here] = lit[diag]! + (q[i - 1]!.parts === null && k[j - 1]!.parts === null ? 1 : 0);
      } else if (dp[up]! >= dp[left]!) {
        dp[here] = dp[up]!;
        lit[here] = lit[up]!;
      } else {
        dp[here] = dp[left]!;
        lit[here] = lit[left]!;
      }
    }
  }
  const end = q.length * cols + k.length;
  return { agreed: dp[end]!, literal: lit[end]! };
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * The learned signatures nearest to a message, nearest first: its own signature (exact), then those
 * the message fits as written, then those whose words mostly agree (similarity ≥ minSimilarity).
 * `template` is the message's own signature (errorSignature), `key` its signatureKey.
 */
export function nearestSignatures(
  index: SignatureIndex,
  input: { message: string; template: string; key: string },
  opts: { limit?: number; minSimilarity?: number } = {},
): NearSignature[] {
  const limit = opts.limit ?? NEAR_DEFAULTS.limit;
  const minSimilarity = opts.minSimilarity ?? NEAR_DEFAULTS.minSimilarity;
  if (limit <= 0) return [];
  const out: NearSignature[] = [];
  const exact = index.byKey.get(input.key);
  if (exact !== undefined) {
    const e = index.entries[exact]!;
    out.push({ key: e.key, signature: e.signature, match: "exact", similarity: 1, how: "the same signature" });
  }

  const q = wordsOf(input.template);
  const shared = new Map<number, number>();
  for (const w of new Set(q.filter((x) => !x.parts).map((x) => x.text))) {
    for (const i of index.byWord.get(w) ?? []) if (i !== exact) shared.set(i, (shared.get(i) ?? 0) + 1);
  }
  const aligned = [...shared.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_ALIGNED);
  const message = input.message.trim().replace(/\s+/g, " ");
  const near: Array<NearSignature & { literal: number }> = [];
  for (const [i] of aligned) {
    const e = index.entries[i]!;
    const { agreed, literal } = align(q, e.words);
    if (literal === 0) continue; // only placeholders in common is no evidence
    const similarity = round((2 * agreed) / (q.length + e.words.length));
    const fits = fitsParts(message, e.parts) || fitsParts(input.template, e.parts);
    if (!fits && similarity < minSimilarity) continue;
    const words = `${agreed} of ${Math.max(q.length, e.words.length)} words agree`;
    near.push({
      key: e.key, signature: e.signature, match: fits ? "fits" : "similar", similarity, literal,
      how: fits ? `the message fits this signature (${words})` : words,
    });
  }
  // fitting signatures first, the most specific (most literal words) of them first; then by similarity
  near.sort((a, b) => (a.match === b.match ? 0 : a.match === "fits" ? -1 : 1) || (a.match === "fits" ? b.literal - a.literal : 0) || b.similarity - a.similarity || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { literal: _literal, ...n } of near) out.push(n);
  return out.slice(0, limit);
}
