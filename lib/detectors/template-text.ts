// AUTO-008 template text: parse `{{name|transform}}` tags, render values into a template, and extract the
// values back out of a text, so a derived template round-trips its examples byte for byte.
import { applyTransform, isTransform, type CaseTransform } from "./template-case";

/** A literal `{{` in a template is written like this (Jinja's spelling), so the input may contain `{{`. */
export const ESCAPED_OPEN = '{{"{{"}}';

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
