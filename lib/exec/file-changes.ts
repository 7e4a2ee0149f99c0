// What a command created or modified in the working tree: from git when the folder is a repository
// (untracked + changed files, compared before and after), else from a size/mtime scan of the tree.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export type Snapshot = Map<string, string>; // path → fingerprint (size:mtime)

const SKIP_DIRS = new Set([".git", "node_modules", ".next", "dist", "build", ".cache", "coverage"]);
const MAX_SCAN = 20_000;

function fingerprint(path: string): string | null {
  try {
    const s = statSync(path);
    return s.isFile() ? `${s.size}:${s.mtimeMs}` : null;
  } catch {
    return null;
  }
}

function gitDirtyFiles(cwd: string): string[] | null {
  try {
    const out = execFileSync("git", ["status", "--porcelain=v1", "-z", "--untracked-files=all"], { cwd, stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 });
    const entries = out.toString("utf8").split("\0").filter(Boolean);
    const files: string[] = [];
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      const status = entry.slice(0, 2);
      files.push(entry.slice(3));
      if (status.startsWith("R") || status.startsWith("C")) i++; // the next entry is the old name
    }
    return files;
  } catch {
    return null;
  }
}

function scanTree(root: string, dir = root, out: string[] = []): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    if (out.length >= MAX_SCAN) break;
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) scanTree(root, join(dir, e.name), out);
    } else if (e.isFile()) out.push(relative(root, join(dir, e.name)));
  }
  return out;
}

export interface TreeWatcher {
  mode: "git" | "scan";
  before: Snapshot;
  /** Files that appeared or changed since the watcher was made. */
  changes(): Array<{ path: string; action: "created" | "modified" }>;
}

export function watchTree(cwd: string): TreeWatcher {
  const dirty = gitDirtyFiles(cwd);
  const mode = dirty === null ? "scan" : "git";
  const list = () => (mode === "git" ? gitDirtyFiles(cwd) ?? [] : scanTree(cwd));
  const snap = (paths: string[]): Snapshot => {
    const m: Snapshot = new Map();
    for (const p of paths) {
      const f = fingerprint(join(cwd, p));
      if (f) m.set(p, f);
    }
    return m;
  };
  const before = snap(dirty ?? list());
  return {
    mode,
    before,
    changes() {
      const after = snap(list());
      const out: Array<{ path: string; action: "created" | "modified" }> = [];
      for (const [path, f] of after) {
        const old = before.get(path);
        if (old === f) continue;
        // In git mode a file clean before the run shows up only now: tracked → modified, else created.
        let action: "created" | "modified" = old ? "modified" : "created";
        if (!old && mode === "git") action = isTracked(cwd, path) ? "modified" : "created";
        out.push({ path, action });
      }
      return out.sort((a, b) => a.path.localeCompare(b.path));
    },
  };
}

function isTracked(cwd: string, path: string): boolean {
  try {
    execFileSync("git", ["ls-files", "--error-unmatch", "--", path], { cwd, stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Text content for small files (the contract allows 64 KiB of text); null for binary or large files. */
export function readSmallText(path: string, limit = 64 * 1024): string | null {
  try {
    const buf = readFileSync(path);
    if (buf.length > limit || buf.includes(0)) return null;
    return buf.toString("utf8");
  } catch {
    return null;
  }
}
