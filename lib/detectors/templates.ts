// AUTO-008 template generator: from 2–3 example files, the invariant text verbatim and the varying parts as
// named variables, plus render and extract so every example round-trips byte for byte. Pure; the syntax,
// transforms and naming rules are in docs/file-templates.md. This module derives the template; the steps
// live beside it: template-align (tokens → slots), template-names, template-case, template-text
// (parse, render, extract). Importers use this module only.
import { align, type Segment } from "./template-align";
import { CASE_TRANSFORMS, applyTransform, type CaseTransform } from "./template-case";
import { nameFromContext, nameFromPath, uniqueNames } from "./template-names";
import { escapeLiteral, extractValues } from "./template-text";

export { tokenize } from "./template-align";
export { CASE_TRANSFORMS, applyTransform, splitWords, type CaseTransform } from "./template-case";
export { ESCAPED_OPEN, escapeLiteral, extractValues, parseTemplate, renderTemplate } from "./template-text";

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

/** A slot of the aligned examples, as an occurrence of one variable (raw or through a transform). */
interface Slot {
  values: string[];
  variable: number;
  transform?: CaseTransform;
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
  const names = uniqueNames(guesses);
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
