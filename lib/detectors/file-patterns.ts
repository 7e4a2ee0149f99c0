// AUTO-002 file pattern miner: files created close together that share a structure (names, literals and
// comments abstracted away) are one template candidate, with its AUTO-008 template. Pure; see
// docs/file-templates.md for the skeleton and the confidence.
import { signatureKey } from "../signature";
import { deriveTemplate, type DerivedTemplate } from "./templates";

export interface CreatedFile {
  executionId: string;
  path: string;
  content: string;
  /** Epoch milliseconds. */
  createdAt: number;
}

export interface FilePatternOptions {
  /** Files count together when each has a same-structure partner created within this span (24 h). */
  windowMs: number;
  /** At least this many distinct paths make a group (2). */
  minFiles: number;
}

export interface FilePattern {
  /** signatureKey of the skeleton: the same structure always gives the same key. */
  groupKey: string;
  /** Paths, oldest first. */
  files: string[];
  executionIds: string[];
  skeleton: string;
  /** Derived from the oldest three files. */
  template: DerivedTemplate;
  confidence: number;
}

export const FILE_PATTERN_DEFAULTS: FilePatternOptions = { windowMs: 24 * 60 * 60 * 1000, minFiles: 2 };

/** Skeletons with fewer structural tokens than this are too plain to call a pattern (one-line notes, say). */
export const MIN_SKELETON_TOKENS = 8;

const KEYWORDS = new Set(
  ("abstract as async await break case catch class const continue debugger def default defer del delete do elif else " +
    "enum except export extends false final finally fn for from func function go if impl implements import in " +
    "instanceof interface is lambda let match mod module mut new nil none null package pass private protected pub " +
    "public raise readonly return self static struct super switch this throw throws trait true try type typeof " +
    "undefined use var void while with yield None True False").split(" "),
);

const HASH_COMMENTS = new Set(["py", "sh", "bash", "zsh", "rb", "yml", "yaml", "toml", "r", "pl", "conf", "cfg", "ini", "dockerfile", "mk", "makefile", "tf"]);

function extensionOf(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return (dot > 0 ? base.slice(dot + 1) : base).toLowerCase();
}

// strings (one line, or backtick / triple-quoted across lines), comments, numbers, names, newlines+indent, the rest
const CODE_TOKEN =
  /("""[\s\S]*?"""|'''[\s\S]*?'''|`(?:\\[\s\S]|[^\\`])*`|"(?:\\.|[^\\"\n])*"|'(?:\\.|[^\\'\n])*')|(\/\/[^\n]*|\/\*[\s\S]*?\*\/|<!--[\s\S]*?-->)|(#[^\n]*)|(\d[\w.]*)|([\p{L}_$][\p{L}\p{N}_$]*)|(\n[ \t]*)|([ \t\r\f\v]+)|([\s\S])/gu;

/**
 * The structure of a file: keywords and punctuation kept, names → `I`, numbers → `N`, strings → `S`,
 * comments and spacing inside a line dropped, line breaks and indentation kept, prefixed by the extension.
 */
export function skeletonOf(content: string, path: string): string {
  const ext = extensionOf(path);
  const hashComments = HASH_COMMENTS.has(ext);
  const out: string[] = [];
  for (const m of content.matchAll(CODE_TOKEN)) {
    const [, str, comment, hash, num, name, newline, , other] = m;
    if (str !== undefined) out.push("S");
    else if (comment !== undefined) continue;
    else if (hash !== undefined) {
      if (hashComments) continue;
      out.push("#");
      // not a comment here (a CSS colour, a private field): tokenise the rest as usual
      out.push(skeletonOf(hash.slice(1), "").replace(/^ext:\n/, ""));
    } else if (num !== undefined) out.push("N");
    else if (name !== undefined) out.push(KEYWORDS.has(name) ? name : "I");
    else if (newline !== undefined) {
      if (out.length && out[out.length - 1].startsWith("\n")) out[out.length - 1] = newline;
      else out.push(newline);
    } else if (other !== undefined) out.push(other);
  }
  while (out.length && out[out.length - 1].startsWith("\n")) out.pop();
  while (out.length && out[0].startsWith("\n")) out.shift();
  return `ext:${ext}\n` + out.join(" ");
}

function structuralTokens(skeleton: string): number {
  return skeleton.split(/\s+/).filter(Boolean).length - 1;
}

/** Support grows with the number of files; the share of the template that is literal says how much is shared. */
export function filePatternConfidence(fileCount: number, template: DerivedTemplate, meanLength: number): number {
  const support = 1 - 0.5 ** (fileCount - 1);
  const literal = template.template.replace(/\{\{[^}]*\}\}/g, "").length;
  const literalShare = meanLength > 0 ? Math.min(1, literal / meanLength) : 0;
  return Math.round((0.5 * support + 0.5 * literalShare) * 1000) / 1000;
}

/**
 * Groups files by skeleton. A file joins its skeleton's group when another file with that skeleton (at a
 * different path) was created within `windowMs` of it; the group stands at `minFiles` distinct paths.
 * Files without content are ignored; the same path seen twice counts once (its first creation).
 */
export function mineFilePatterns(files: CreatedFile[], opts: FilePatternOptions = FILE_PATTERN_DEFAULTS): FilePattern[] {
  const bySkeleton = new Map<string, CreatedFile[]>();
  for (const f of files) {
    if (!f.content || !f.content.trim()) continue;
    const skeleton = skeletonOf(f.content, f.path);
    if (structuralTokens(skeleton) < MIN_SKELETON_TOKENS) continue;
    const list = bySkeleton.get(skeleton) ?? [];
    list.push(f);
    bySkeleton.set(skeleton, list);
  }
  const patterns: FilePattern[] = [];
  for (const [skeleton, list] of bySkeleton) {
    const firstByPath = new Map<string, CreatedFile>();
    for (const f of [...list].sort(byTimeThenPath)) if (!firstByPath.has(f.path)) firstByPath.set(f.path, f);
    const ordered = [...firstByPath.values()];
    // sorted by time, a file has a partner within the window iff a neighbour is within it
    const members = ordered.filter((f, i) =>
      (i > 0 && f.createdAt - ordered[i - 1].createdAt <= opts.windowMs) ||
      (i + 1 < ordered.length && ordered[i + 1].createdAt - f.createdAt <= opts.windowMs));
    if (members.length < Math.max(2, opts.minFiles)) continue;
    const examples = members.slice(0, 3);
    const template = deriveTemplate(examples.map((f) => ({ path: f.path, content: f.content })));
    const meanLength = examples.reduce((sum, f) => sum + f.content.length, 0) / examples.length;
    patterns.push({
      groupKey: signatureKey(skeleton),
      files: members.map((f) => f.path),
      executionIds: members.map((f) => f.executionId),
      skeleton,
      template,
      confidence: filePatternConfidence(members.length, template, meanLength),
    });
  }
  return patterns.sort((a, b) => b.confidence - a.confidence || (a.groupKey < b.groupKey ? -1 : a.groupKey > b.groupKey ? 1 : 0));
}

function byTimeThenPath(a: CreatedFile, b: CreatedFile): number {
  return a.createdAt - b.createdAt || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
