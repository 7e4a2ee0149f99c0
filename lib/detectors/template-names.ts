// AUTO-008 variable names: guessed from where a variable first occurs (its place in the path, a keyword or
// a key before it), else var1, var2 …; the rules are in docs/file-templates.md, "How a template is derived".
import { applyTransform } from "./template-case";

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
export function nameFromContext(before: string): string | null {
  const keyword = /(?:^|[^\p{L}\p{N}_$])([a-z]+)\s+$/u.exec(before.slice(-40));
  if (keyword && KEYWORD_NAMES[keyword[1]]) return KEYWORD_NAMES[keyword[1]];
  const key = /([A-Za-z_][A-Za-z0-9_-]*)["']?\s*[:=]\s*["'`]?$/.exec(before.slice(-80));
  return key ? camelName(key[1]) : null;
}

/** A name from the path: the file name is `name`, a varying folder is named after its parent, singular. */
export function nameFromPath(before: string, after: string): string {
  const segments = before.split(/[\\/]/);
  if (!/[\\/]/.test(after) || segments.length < 2) return "name";
  const parent = segments[segments.length - 2].replace(/(ie)s$/, "y").replace(/([^s])s$/, "$1");
  return camelName(parent) ?? "dir";
}

/** One name per variable: its guess, else var1, var2 …; a repeated guess gets 2, 3 …. */
export function uniqueNames(guesses: ReadonlyArray<string | null>): string[] {
  const names: string[] = [];
  let unnamed = 0;
  for (const guess of guesses) {
    let name = guess ?? `var${++unnamed}`;
    for (let k = 2; names.includes(name); k++) name = guess ? `${guess}${k}` : `var${++unnamed}`;
    names.push(name);
  }
  return names;
}
