// AUTO-008 template generator: from 2–3 example files, the invariant text verbatim and the varying parts as
// named variables, plus render and extract so every example round-trips byte for byte. Pure; the syntax,
// transforms and naming rules are in docs/file-templates.md.

export type CaseTransform = "pascal" | "camel" | "snake" | "kebab" | "constant" | "words" | "title" | "flat";

/** Tried in this order when an occurrence differs from the variable's first (raw) occurrence. */
export const CASE_TRANSFORMS: readonly CaseTransform[] = ["pascal", "camel", "snake", "kebab", "constant", "words", "title", "flat"];

export interface TemplateExample {
  path: string;
  content: string;
}

export interface TemplateVariable {
  name: string;
  /** The raw text of the variable's first occurrence, one per example. */
  values: string[];
  /** Case transforms the template applies to it besides the raw form, when any. */
  transforms?: CaseTransform[];
}

export interface DerivedTemplate {
  template: string;
  pathTemplate: string;
  variables: TemplateVariable[];
}

/** A literal `{{` in a template is written like this (Jinja's spelling), so the input may contain `{{`. */
export const ESCAPED_OPEN = '{{"{{"}}';

// ---- words and case transforms ----

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

function isTransform(name: string): name is CaseTransform {
  return (CASE_TRANSFORMS as readonly string[]).includes(name);
}

// ---- template text: parse, render, extract ----

type Part = { lit: string } | { name: string; transform?: CaseTransform };

const TAG = /^\{\{([A-Za-z_][A-Za-z0-9_]*)(?:\|([A-Za-z]+))?\}\}/;

export function escapeLiteral(text: string): string {
  return text.split("{{").join(ESCAPED_OPEN);
}

/** Splits a template into literal text and variable references; an unknown transform is an error. */
export function parseTemplate(template: string): Part[] {
  const parts: Part[] = [];
  let lit = "";
  let i = 0;
  while (i < template.length) {
    if (template.startsWith("{{", i)) {
      if (template.startsWith(ESCAPED_OPEN, i)) {
        lit += "{{";
        i += ESCAPED_OPEN.length;
        continue;
      }
      const m = TAG.exec(template.slice(i, i + 200));
      if (m) {
        if (m[2] !== undefined && !isTransform(m[2])) throw new Error(`unknown transform "${m[2]}" in {{${m[1]}|${m[2]}}}`);
        if (lit) parts.push({ lit });
        lit = "";
        parts.push(m[2] === undefined ? { name: m[1] } : { name: m[1], transform: m[2] as CaseTransform });
        i += m[0].length;
        continue;
      }
    }
    lit += template[i];
    i++;
  }
  if (lit) parts.push({ lit });
  return parts;
}

export function renderTemplate(template: string, values: Record<string, string>): string {
  return parseTemplate(template)
    .map((p) => {
      if ("lit" in p) return p.lit;
      const v = values[p.name];
      if (v === undefined) throw new Error(`no value for {{${p.name}}}`);
      return applyTransform(p.transform, v);
    })
    .join("");
}

const EXTRACT_BUDGET = 1_000_000;

interface Binding {
  value: string;
  /** False while the variable has only been seen through a transform: its raw form is still a guess. */
  exact: boolean;
  /** Transformed texts seen before the raw form; the raw form must reproduce each. */
  checks: Array<[CaseTransform, string]>;
}

/**
 * The variable values that render `template` into exactly `content`, or null when none do. `known` binds
 * variables already read elsewhere (the path, say). An unbound occurrence takes the text it spans (shortest
 * first, with backtracking); a raw occurrence fixes the value, and every transformed one must agree with it.
 */
export function extractValues(template: string, content: string, known: Record<string, string> = {}): Record<string, string> | null {
  const parts = parseTemplate(template);
  const bound = new Map<string, Binding>(Object.entries(known).map(([k, value]) => [k, { value, exact: true, checks: [] }]));
  let steps = 0;
  const go = (pi: number, pos: number): boolean => {
    if (++steps > EXTRACT_BUDGET) return false;
    if (pi === parts.length) {
      // a value seen only through transforms must render back to what was seen
      return pos === content.length && [...bound.values()].every((b) => b.checks.every(([t, seen]) => applyTransform(t, b.value) === seen));
    }
    const part = parts[pi];
    if ("lit" in part) return content.startsWith(part.lit, pos) && go(pi + 1, pos + part.lit.length);
    const have = bound.get(part.name);
    if (have && (have.exact || part.transform)) {
      const text = applyTransform(part.transform, have.value);
      if (!content.startsWith(text, pos)) return false;
      if (have.exact || !part.transform) return go(pi + 1, pos + text.length);
      bound.set(part.name, { ...have, checks: [...have.checks, [part.transform, text]] });
      if (go(pi + 1, pos + text.length)) return true;
      bound.set(part.name, have);
      return false;
    }
    const next = parts[pi + 1];
    const tryEnd = (end: number): boolean => {
      const text = content.slice(pos, end);
      let binding: Binding;
      if (part.transform) binding = { value: text, exact: false, checks: [[part.transform, text]] };
      else if (have && !have.checks.every(([t, seen]) => applyTransform(t, text) === seen)) return false;
      else binding = { value: text, exact: true, checks: [] };
      bound.set(part.name, binding);
      if (go(pi + 1, end)) return true;
      if (have) bound.set(part.name, have);
      else bound.delete(part.name);
      return false;
    };
    if (next === undefined) return tryEnd(content.length);
    if ("lit" in next) {
      for (let end = content.indexOf(next.lit, pos); end >= 0; end = content.indexOf(next.lit, end + 1)) {
        if (tryEnd(end)) return true;
        if (steps > EXTRACT_BUDGET) return false;
      }
      return false;
    }
    for (let end = pos; end <= content.length; end++) if (tryEnd(end)) return true;
    return false;
  };
  if (!go(0, 0)) return null;
  return Object.fromEntries([...bound].map(([k, b]) => [k, b.value]));
}

// ---- alignment ----

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

type Segment = { lit: string } | { values: string[] };

/** Aligns the token lists of every example; tokens matched in all are literal, the gaps between are slots. */
function align(texts: string[]): Segment[] {
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

// ---- variables and names ----

interface Slot {
  values: string[];
  variable: number;
  transform?: CaseTransform;
}

const KEYWORD_NAMES: Record<string, string> = {
  class: "className", interface: "typeName", type: "typeName", struct: "typeName", enum: "typeName", trait: "typeName",
  function: "functionName", def: "functionName", fn: "functionName", func: "functionName",
  const: "constName", let: "varName", var: "varName",
};

function camelName(text: string): string | null {
  const name = applyTransform("camel", text).replace(/[^A-Za-z0-9_]/g, "");
  return /^[A-Za-z_]/.test(name) ? name : null;
}

/** A name from what precedes the slot: `class X`, `function X`, `key: "X"`, `key = X`. */
function nameFromContext(before: string): string | null {
  const keyword = /(?:^|[^\p{L}\p{N}_$])([a-z]+)\s+$/u.exec(before.slice(-40));
  if (keyword && KEYWORD_NAMES[keyword[1]]) return KEYWORD_NAMES[keyword[1]];
  const key = /([A-Za-z_][A-Za-z0-9_-]*)["']?\s*[:=]\s*["'`]?$/.exec(before.slice(-80));
  return key ? camelName(key[1]) : null;
}

/** A name from the path: the file name is `name`, a varying folder is named after its parent, singular. */
function nameFromPath(before: string, after: string): string {
  const segments = before.split(/[\\/]/);
  if (!/[\\/]/.test(after) || segments.length < 2) return "name";
  const parent = segments[segments.length - 2].replace(/(ie)s$/, "y").replace(/([^s])s$/, "$1");
  return camelName(parent) ?? "dir";
}

function render(segments: Segment[], slots: Map<Segment, Slot>, names: string[]): string {
  return segments
    .map((s) => {
      if ("lit" in s) return escapeLiteral(s.lit);
      const slot = slots.get(s)!;
      return `{{${names[slot.variable]}${slot.transform ? "|" + slot.transform : ""}}}`;
    })
    .join("");
}

/**
 * Derives a template from 2–3 examples (more work too): aligns the paths and the contents token by token,
 * turns what varies into slots, and makes slots that are the same identifier in another case one variable.
 */
export function deriveTemplate(examples: TemplateExample[]): DerivedTemplate {
  if (examples.length < 2) throw new RangeError("a template needs at least 2 examples");
  const pathSegments = align(examples.map((x) => x.path));
  const contentSegments = align(examples.map((x) => x.content));
  const slots = new Map<Segment, Slot>();
  const bases: string[][] = [];
  for (const seg of [...pathSegments, ...contentSegments]) {
    if (!("values" in seg)) continue;
    let found: Slot | undefined;
    for (let v = 0; v < bases.length && !found; v++) {
      const base = bases[v];
      if (seg.values.every((x, e) => x === base[e])) found = { values: seg.values, variable: v };
      for (const t of CASE_TRANSFORMS) {
        if (found) break;
        if (seg.values.every((x, e) => x === applyTransform(t, base[e]))) found = { values: seg.values, variable: v, transform: t };
      }
    }
    if (!found) {
      bases.push(seg.values);
      found = { values: seg.values, variable: bases.length - 1 };
    }
    slots.set(seg, found);
  }
  // names: the path first, then keywords and keys around any occurrence, else var1, var2 …
  const guesses: Array<string | null> = bases.map(() => null);
  const scan = (segments: Segment[], inPath: boolean) => {
    const whole = segments.map((s) => ("lit" in s ? s.lit : s.values[0])).join("");
    let before = "";
    for (const s of segments) {
      if ("lit" in s) before += s.lit;
      else {
        const slot = slots.get(s)!;
        const after = whole.slice(before.length + s.values[0].length);
        if (!guesses[slot.variable]) guesses[slot.variable] = inPath ? nameFromPath(before, after) : nameFromContext(before);
        before += s.values[0];
      }
    }
  };
  scan(pathSegments, true);
  scan(contentSegments, false);
  const names: string[] = [];
  let unnamed = 0;
  for (const guess of guesses) {
    let name = guess ?? `var${++unnamed}`;
    for (let k = 2; names.includes(name); k++) name = guess ? `${guess}${k}` : `var${++unnamed}`;
    names.push(name);
  }
  const transforms = bases.map(() => new Set<CaseTransform>());
  for (const slot of slots.values()) if (slot.transform) transforms[slot.variable].add(slot.transform);
  return {
    template: render(contentSegments, slots, names),
    pathTemplate: render(pathSegments, slots, names),
    variables: bases.map((values, v) => {
      const used = CASE_TRANSFORMS.filter((t) => transforms[v].has(t));
      return used.length ? { name: names[v], values, transforms: used } : { name: names[v], values };
    }),
  };
}

/** The values of one example under a derived template (path first, then content), or null when it does not fit. */
export function extractExample(derived: DerivedTemplate, example: TemplateExample): Record<string, string> | null {
  const fromPath = extractValues(derived.pathTemplate, example.path);
  return fromPath && extractValues(derived.template, example.content, fromPath);
}
