// groupSignatures: optional batch pass after errorSignature. A value that looks like a plain word
// (`domain root_domain`, `chdir(pwd)`) cannot be told from a constant one message at a time, but a
// batch shows the same phrase with a value slot in that place; such templates are folded into it.
import { PH } from "./classes";
import { errorSignature } from "./signature";

/** Phrases shorter than this, or with fewer literal words besides the slot, are never folded. */
const MIN_WORDS = 3;
const MIN_LITERALS = 2;

/**
 * Templates for a batch of messages, one per message. Starts from errorSignature and folds a
 * template into another when both have the same words except at one position, where the other has
 * a value slot (`<*>`, or a word with `<*>` inside) that matches this one's word; folds chain
 * (a folded-into template may fold further). Between several candidates the one shared by more
 * messages wins, ties going to the first found scanning positions left to right and templates in
 * sorted order. Deterministic: the result depends on the batch's contents, not on its order.
 * Cost grows with distinct templates times the square of their word count; meant for batches
 * (a job's log, an import), not per-message ingestion, where errorSignature alone is the key.
 */
export function groupSignatures(messages: readonly string[]): string[] {
  const templates = messages.map(errorSignature);
  const counts = new Map<string, number>();
  for (const t of templates) counts.set(t, (counts.get(t) ?? 0) + 1);
  const unique = [...counts.keys()].sort();

  // every (template, slot position) indexed by the template's other words
  const slots = new Map<string, string[]>();
  const words = new Map<string, string[]>();
  for (const t of unique) {
    const w = t.split(" ");
    words.set(t, w);
    if (w.length < MIN_WORDS) continue;
    for (let i = 0; i < w.length; i++) {
      if (!w[i].includes(PH)) continue;
      const key = slotKey(w, i);
      const list = slots.get(key);
      if (list) list.push(t);
      else slots.set(key, [t]);
    }
  }

  const target = new Map<string, string>();
  const patterns = new Map<string, RegExp>(); // compiled slot words, for this batch only
  for (const t of unique) {
    const w = words.get(t)!;
    if (w.length < MIN_WORDS) continue;
    const literals = w.reduce((n, x) => (x.includes(PH) ? n : n + 1), 0);
    let best: string | null = null;
    for (let i = 0; i < w.length; i++) {
      if (literals - (w[i].includes(PH) ? 0 : 1) < MIN_LITERALS) continue;
      const candidates = slots.get(slotKey(w, i));
      if (!candidates) continue;
      for (const p of candidates) {
        if (p === t || !matchesSlot(words.get(p)![i], w[i], patterns)) continue;
        if (best === null || counts.get(p)! > counts.get(best)!) best = p; // ties keep the first
      }
    }
    if (best !== null) target.set(t, best);
  }

  const resolved = new Map<string, string>();
  const resolve = (t: string): string => {
    const known = resolved.get(t);
    if (known !== undefined) return known;
    let end = t;
    const seen = new Set<string>([t]);
    for (let next = target.get(end); next !== undefined && !seen.has(next); next = target.get(end)) {
      seen.add(next);
      end = next;
    }
    resolved.set(t, end);
    return end;
  };
  return templates.map(resolve);
}

function slotKey(w: string[], i: number): string {
  return i + "\u0000" + w.slice(0, i).join(" ") + "\u0000" + w.slice(i + 1).join(" ");
}

/** Does a slot word (`<*>`, `chdir(<*>)`) match a word, each `<*>` standing for one or more characters? */
function matchesSlot(slot: string, word: string, cache: Map<string, RegExp>): boolean {
  if (slot === PH) return true;
  let re = cache.get(slot);
  if (re === undefined) {
    const body = slot
      .split(PH)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join(".+");
    re = new RegExp(`^${body}$`, "s");
    cache.set(slot, re);
  }
  return re.test(word);
}
