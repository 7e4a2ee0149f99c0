// Reads one spec file back: YAML, then the pattern spec schema (lib/schemas/pattern-spec.ts). A problem
// is reported with the line it is on (the offending key or value, or the nearest enclosing one), so a
// person can open the file at that line.
import { isMap, isNode, LineCounter, parseDocument, type Document } from "yaml";
import type { core } from "zod";
import { patternSpecSchema, type PatternSpec } from "../schemas/pattern-spec";

export type SpecFileResult = { ok: true; spec: PatternSpec } | { ok: false; line: number; message: string };

function lineOf(doc: Document, lines: LineCounter, issue: core.$ZodIssue): number {
  const path = issue.path as Array<string | number>;
  if (issue.code === "unrecognized_keys") {
    const map = path.length ? doc.getIn(path, true) : doc.contents;
    const pair = isMap(map) ? map.items.find((p) => isNode(p.key) && issue.keys.includes(String((p.key as { value?: unknown }).value))) : undefined;
    if (pair && isNode(pair.key) && pair.key.range) return lines.linePos(pair.key.range[0]).line;
  }
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return 1;
}

export function readSpecText(text: string): SpecFileResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  const yamlError = doc.errors[0];
  if (yamlError) return { ok: false, line: yamlError.linePos?.[0].line ?? 1, message: `not valid YAML: ${yamlError.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}` };
  const parsed = patternSpecSchema.safeParse(doc.toJS());
  if (parsed.success) return { ok: true, spec: parsed.data };
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
  return { ok: false, line: lineOf(doc, lines, issue), message: `${where}${issue.message}` };
}
