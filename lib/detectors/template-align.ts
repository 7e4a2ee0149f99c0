// AUTO-008 alignment: cut each example into tokens, align them (LCS, line-first past a size limit), and
// turn what varies between the anchors into slots with one value per example.

/** Words (with the blanks after them), newlines with the indentation after them, single other characters. */
export function tokenize(text: string): string[] {
  return text.match(/\p{N}+(?:\.\p{N}+)+[ \t]*|[\p{L}\p{N}_$]+[ \t]*|(?:\r\n|\n|\r)[ \t]*|[ \t]+|[^\p{L}\p{N}_$\s][ \t]*|[\s\S]/gu) ?? [];
}

const MAX_CELLS = 4_000_000;

/** What the large-input path needs to know about each token id: its shape (names masked), and line ends. */
interface TokenInfo {
  shape: number[];
  newline: boolean[];
}

/** Index pairs of a longest common subsequence of a[a0..a1) and b[b0..b1), exact by DP. */
function lcsDP(a: number[], b: number[], a0: number, a1: number, b0: number, b1: number, out: Array<[number, number]>): void {
  const n = a1 - a0;
  const m = b1 - b0;
  if (n === 0 || m === 0) return;
  const w = m + 1;
  const L = new Uint32Array((n + 1) * w); // L[i][j] = LCS of a[a0+i..a1) and b[b0+j..b1)
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      L[i * w + j] = a[a0 + i] === b[b0 + j] ? L[(i + 1) * w + j + 1] + 1 : Math.max(L[(i + 1) * w + j], L[i * w + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[a0 + i] === b[b0 + j]) {
      out.push([a0 + i, b0 + j]);
      i++;
      j++;
    } else if (L[(i + 1) * w + j] >= L[i * w + j + 1]) i++;
    else j++;
  }
}

/**
 * Index pairs of a common subsequence of a[a0..a1) and b[b0..b1): exact while the table fits MAX_CELLS;
 * beyond, lines are aligned first by their shape (names masked) and tokens within each aligned pair of
 * lines and each leftover hunk. A hunk still too large stays one gap.
 */
function lcs(a: number[], b: number[], info: TokenInfo, a0 = 0, a1 = a.length, b0 = 0, b1 = b.length, depth = 0): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) pairs.push([a0++, b0++]);
  const tail: Array<[number, number]> = [];
  while (a1 > a0 && b1 > b0 && a[a1 - 1] === b[b1 - 1]) tail.push([--a1, --b1]);
  if ((a1 - a0 + 1) * (b1 - b0 + 1) <= MAX_CELLS) lcsDP(a, b, a0, a1, b0, b1, pairs);
  else if (depth === 0) {
    const lines = (x: number[], from: number, to: number) => {
      const starts = [from];
      for (let k = from; k < to; k++) if (info.newline[x[k]] && k + 1 < to) starts.push(k + 1);
      return starts.map((s, k) => [s, k + 1 < starts.length ? starts[k + 1] : to] as const);
    };
    const la = lines(a, a0, a1);
    const lb = lines(b, b0, b1);
    if ((la.length + 1) * (lb.length + 1) <= MAX_CELLS) {
      const ids = new Map<string, number>();
      const key = (x: number[], [s, e]: readonly [number, number]) => {
        const k = x.slice(s, e).map((t) => info.shape[t]).join(",");
        return ids.get(k) ?? (ids.set(k, ids.size), ids.size - 1);
      };
      const matched: Array<[number, number]> = [];
      lcsDP(la.map((l) => key(a, l)), lb.map((l) => key(b, l)), 0, la.length, 0, lb.length, matched);
      let pa = a0;
      let pb = b0;
      for (const [i, j] of [...matched, [la.length, lb.length] as [number, number]]) {
        const [sa, ea] = i < la.length ? la[i] : [a1, a1];
        const [sb, eb] = j < lb.length ? lb[j] : [b1, b1];
        pairs.push(...lcs(a, b, info, pa, sa, pb, sb, depth + 1));
        if (i < la.length) lcsDP(a, b, sa, ea, sb, eb, pairs);
        pa = ea;
        pb = eb;
      }
    }
  }
  return pairs.concat(tail.reverse());
}

export type Segment = { lit: string } | { values: string[] };

/** Aligns the token lists of every example; tokens matched in all are literal, the gaps between are slots. */
export function align(texts: string[]): Segment[] {
  const ids = new Map<string, number>();
  const tokens = texts.map((t) => tokenize(t));
  const coded = tokens.map((ts) => ts.map((t) => ids.get(t) ?? (ids.set(t, ids.size), ids.size - 1)));
  const shapes = new Map<string, number>();
  const info: TokenInfo = { shape: [], newline: [] };
  for (const [t, id] of ids) {
    const shape = /^[\p{L}\p{N}_$]/u.test(t) ? "w" : t;
    info.shape[id] = shapes.get(shape) ?? (shapes.set(shape, shapes.size), shapes.size - 1);
    info.newline[id] = t[0] === "\n" || t[0] === "\r";
  }
  // star alignment around the first example: a token is an anchor when every other example matches it
  let anchors: number[][] = coded[0].map((_, i) => [i]);
  for (let e = 1; e < coded.length; e++) {
    const partner = new Map(lcs(coded[0], coded[e], info));
    anchors = anchors.filter((an) => partner.has(an[0])).map((an) => [...an, partner.get(an[0])!]);
  }
  const segments: Segment[] = [];
  const prev = texts.map(() => -1);
  const pushGap = (upto: number[]) => {
    const values = tokens.map((ts, e) => ts.slice(prev[e] + 1, upto[e]).join(""));
    if (values.some((v) => v !== values[0])) segments.push({ values });
    else if (values[0]) segments.push({ lit: values[0] });
  };
  for (const an of anchors) {
    pushGap(an);
    segments.push({ lit: tokens[0][an[0]] });
    an.forEach((x, e) => (prev[e] = x));
  }
  pushGap(tokens.map((ts) => ts.length));
  return refine(segments);
}

/** Letter/digit runs cut at case changes, and every other character alone: where a slot may be trimmed. */
function pieces(text: string): string[] {
  return text.match(/\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?[\p{Ll}\p{Lo}\p{Lm}\p{N}]+|\p{Lu}+|[\s\S]/gu) ?? [];
}

const JOINERS = new Set(["-", "_", " "]);
const WORDY_END = /[\p{L}\p{N}]$/u;
const WORDY_START = /^[\p{L}\p{N}]/u;

/** Moves pieces every value shares to the literal around a slot; joins `user`-`profile` into one slot. */
function refine(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  const pushLit = (lit: string) => {
    if (!lit) return;
    const last = out[out.length - 1];
    if (last && "lit" in last) last.lit += lit;
    else out.push({ lit });
  };
  for (const seg of segments) {
    if ("lit" in seg) {
      pushLit(seg.lit);
      continue;
    }
    const split = seg.values.map(pieces);
    let head = 0;
    while (split.every((p) => head < p.length && p[head] === split[0][head])) head++;
    let tail = 0;
    while (split.every((p) => tail < p.length - head && p[p.length - 1 - tail] === split[0][split[0].length - 1 - tail])) tail++;
    pushLit(split[0].slice(0, head).join(""));
    const values = split.map((p) => p.slice(head, p.length - tail).join(""));
    const a = out[out.length - 1];
    const b = out[out.length - 2];
    if (a && "lit" in a && JOINERS.has(a.lit) && b && "values" in b &&
        b.values.every((v) => WORDY_END.test(v)) && values.every((v) => WORDY_START.test(v))) {
      out.pop();
      b.values = b.values.map((v, e) => v + a.lit + values[e]);
    } else out.push({ values });
    pushLit(split[0].slice(split[0].length - tail).join(""));
  }
  return out;
}
